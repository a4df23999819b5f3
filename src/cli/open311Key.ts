/** `linli open311-key <name> --community <code> [--origin …]`: a new Open311 api_key, shown once. */
import { createApiKey } from '../server/modules/cases/index.ts';
import { list, need, type CommandDef } from './args.ts';
import { withDb } from './shared.ts';

/** `linli open311-key …`; `--origin` takes a comma-separated list and may also be repeated. */
export const open311KeyDef: CommandDef = {
  options: { community: { type: 'string' }, origin: { type: 'string', multiple: true } },
  async run([name], flags) {
    if (!name) throw new Error('usage: linli open311-key <name> --community <code> [--origin https://a,https://b]');
    const origins = list(flags, 'origin');
    const key = await withDb((h) => createApiKey(h.db, { name, communityCode: need(flags, 'community'), origins }));
    console.log(`Open311 api_key for ${name} (shown once, store it now):\n${key}`);
  },
};
