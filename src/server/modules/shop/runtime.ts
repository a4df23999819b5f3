/** Builds the shop runtime for the plugin, the benchmark and the demo seed. */
import type { AppDeps } from '../../deps.ts';
import { LocalBus } from '../../platform/events/bus.ts';
import { postShareToFund } from './fundLink.ts';
import type { ShopModule } from './module.ts';

/** The fund's share of gross profit when a community has not set its own: 30 %. */
const DEFAULT_SHARE_BP = 3_000;

/** The shop runtime on a database and clock (a local event bus unless the app passes its own). */
export function makeShopModule(deps: Pick<AppDeps, 'db' | 'clock' | 'events'>): ShopModule {
  return {
    db: deps.db,
    clock: deps.clock,
    bus: deps.events ?? new LocalBus(),
    defaultShareBp: DEFAULT_SHARE_BP,
    postToFund: postShareToFund,
  };
}
