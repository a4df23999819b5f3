/**
 * Point → place lookup for the running app: a grid index and a community index built from the database on
 * first use and rebuilt after a boundary write (on any instance). Points outside every grid fall to the community.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { buildGridIndex, type GridIndex } from './domain/geo/gridIndex.ts';
import { boundariesOfKind } from './repository.ts';
import type { EventBus } from '../../platform/events/bus.ts';

/** The answer for one point. */
export interface Located {
  grid: { code: string; name: string } | null;
  community: { code: string; name: string } | null;
}

/** Bus topic announcing that grid or community boundaries changed (every instance drops its indexes). */
export const BOUNDARIES_CHANGED = 'registry.boundaries_changed';

/**
 * Cached indexes over grid and community boundaries: ONE per app (routing of new cases and /api/geo/locate
 * share it). A boundary write calls {@link Locator.changed}, which drops this instance's indexes and announces
 * the change on the event bus, so other instances sharing the database (LISTEN/NOTIFY) drop theirs too. A
 * notification missed while the bus reconnects is covered by a maximum age of the indexes.
 */
export class Locator {
  private state: Promise<{
    grids: GridIndex;
    communities: GridIndex;
    names: Map<string, { name: string; parent: string | null }>;
  }> | null = null;
  private loadedAt = 0;
  private readonly off: () => void;

  /** `maxAgeMs` bounds staleness when a bus notification was lost (the bus reconnects but cannot replay). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: EventBus,
    private readonly maxAgeMs = 5 * 60_000,
  ) {
    this.off = bus.subscribe((e) => {
      if (e.topic === BOUNDARIES_CHANGED) this.invalidate();
    });
  }

  /** Drops the indexes; the next lookup rebuilds them. */
  invalidate(): void {
    this.state = null;
  }

  /** After a committed boundary write: drop the indexes here and on every other instance. */
  async changed(): Promise<void> {
    this.invalidate();
    await this.bus.publish({ topic: BOUNDARIES_CHANGED });
  }

  /** Stops listening to the bus (app close). */
  close(): void {
    this.off();
  }

  private load() {
    if (this.state && Date.now() - this.loadedAt > this.maxAgeMs) this.invalidate();
    if (this.state) return this.state;
    this.loadedAt = Date.now();
    const p = (async () => {
      const [grids, communities] = await Promise.all([
        boundariesOfKind(this.db, 'grid'),
        boundariesOfKind(this.db, 'community'),
      ]);
      const names = new Map<string, { name: string; parent: string | null }>();
      for (const p of [...grids, ...communities]) names.set(p.code, { name: p.name, parent: p.parent_code });
      return {
        grids: buildGridIndex(grids.map((g) => ({ id: g.code, geometry: g.boundary! }))),
        communities: buildGridIndex(communities.map((c) => ({ id: c.code, geometry: c.boundary! }))),
        names,
      };
    })();
    this.state = p;
    p.catch(() => {
      if (this.state === p) this.state = null;
    });
    return p;
  }

  /** Locates a WGS-84 point. */
  async locate(lon: number, lat: number): Promise<Located> {
    const s = await this.load();
    const g = s.grids.locate(lon, lat);
    const communityCode = g ? (s.names.get(g)?.parent ?? null) : s.communities.locate(lon, lat);
    return {
      grid: g ? { code: g, name: s.names.get(g)?.name ?? g } : null,
      community: communityCode
        ? { code: communityCode, name: s.names.get(communityCode)?.name ?? communityCode }
        : null,
    };
  }
}
