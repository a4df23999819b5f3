/**
 * Point → place lookup for the running app: a grid index and a community index built from the database on
 * first use and rebuilt after a boundary write. Points outside every grid fall to the community.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { buildGridIndex, type GridIndex } from './domain/geo/gridIndex.ts';
import { boundariesOfKind } from './repository.ts';

/** The answer for one point. */
export interface Located {
  grid: { code: string; name: string } | null;
  community: { code: string; name: string } | null;
}

/** Cached indexes over grid and community boundaries. */
export class Locator {
  private state: Promise<{
    grids: GridIndex;
    communities: GridIndex;
    names: Map<string, { name: string; parent: string | null }>;
  }> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /** Drops the indexes; the next lookup rebuilds them. */
  invalidate(): void {
    this.state = null;
  }

  private load() {
    this.state ??= (async () => {
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
    })().catch((e: unknown) => {
      this.state = null;
      throw e;
    });
    return this.state;
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
