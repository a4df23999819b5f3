/**
 * The circle module's worker pool: heavy work (OSM import, exact HiGHS solve) runs in worker threads so
 * that no request waits behind it on the event loop. One pool per runtime, created on first use, closed
 * with the app (or the CLI command). Threads: at most 2 by default (the machines are small), idle ones exit.
 */
import { Piscina } from 'piscina';
import type { ExactChoice } from '../domain/exact.ts';
import type { CoverageInput } from '../domain/coverage.ts';
import type { CoverSets, SiteProblem } from '../domain/sites.ts';
import type { Facility, GeoPoint, Home } from '../domain/types.ts';
import type { Scene } from '../network/scene.ts';
import type { EngineSpec } from './engines.ts';
import { CircleError } from '../osm/errors.ts';
import type { PbfLimits } from '../osm/pbf.ts';
import type { CircleTask, ImportOutput, PoolCoverage, TaskResult } from './tasks.ts';

const WORKER = new URL('./worker.mjs', import.meta.url).href;

/** A lazily started pool of circle workers. */
export class CirclePool {
  private pool: Piscina<CircleTask, unknown> | null = null;
  constructor(private readonly maxThreads = 2) {}

  private get(): Piscina<CircleTask, unknown> {
    this.pool ??= new Piscina<CircleTask, unknown>({
      filename: WORKER,
      minThreads: 0,
      maxThreads: this.maxThreads,
      idleTimeout: 30_000,
      // The worker shim registers tsx itself; do not pass the parent's flags (vitest's are not Node's).
      execArgv: [],
    });
    return this.pool;
  }

  /** Import an OSM PBF in a worker; failures come back as the {@link CircleError} of the same code. */
  async importOsm(
    pbf: Uint8Array,
    limits: PbfLimits,
  ): Promise<{ ok: true; value: ImportOutput } | { ok: false; error: CircleError }> {
    return fromTask((await this.get().run({ kind: 'import', pbf, limits })) as TaskResult<ImportOutput>);
  }

  /** Solve the exact maximal-covering MILP in a worker (HiGHS may run up to `timeLimitS`). */
  async exact(sets: CoverSets, k: number, timeLimitS: number): Promise<ExactChoice> {
    return (await this.get().run({ kind: 'exact', sets, k, timeLimitS })) as ExactChoice;
  }

  /** Coverage on the scene's shared graph, computed in a worker. */
  async coverage(sc: Scene, input: Omit<CoverageInput, 'homeSnaps'>): Promise<PoolCoverage> {
    return (await this.get().run({ kind: 'coverage', engine: spec(sc), input: plain(input) })) as PoolCoverage;
  }

  /** Cover sets of a site problem on the scene's shared graph, computed in a worker. */
  async coverSets(sc: Scene, problem: Omit<SiteProblem, 'homeSnaps'>): Promise<CoverSets> {
    return (await this.get().run({ kind: 'coverSets', engine: spec(sc), problem: plain(problem) })) as CoverSets;
  }

  /** Stop the threads (waits for running tasks). */
  async close(): Promise<void> {
    const p = this.pool;
    this.pool = null;
    await p?.close();
  }
}

/** The engine of a scene as plain data for a worker: shared graph bytes and the engine's options. */
function spec(sc: Scene): EngineSpec {
  const e = sc.engine;
  return {
    id: sc.shared.id,
    bytes: sc.shared.bytes,
    options: {
      categories: e.categories,
      profiles: e.profiles,
      maxSnapM: e.maxSnapM,
      entryToleranceM: e.entryToleranceM,
      access: e.access,
    },
  };
}

/** Homes, facilities and candidates reduced to what the engine reads (scene rows carry GeoJSON footprints). */
function plain<T extends { homes: readonly Home[] }>(x: T): T {
  const pt = <P extends GeoPoint>(p: P): GeoPoint => ({
    id: p.id,
    lon: p.lon,
    lat: p.lat,
    ...(p.entrances ? { entrances: p.entrances } : {}),
  });
  const out: Record<string, unknown> = { ...x };
  out.homes = x.homes.map((h) => ({
    ...pt(h),
    households: h.households,
    people: h.people,
    elderly: h.elderly,
    children: h.children,
  }));
  if ('facilities' in x)
    out.facilities = (x.facilities as readonly Facility[]).map((f) => ({ ...pt(f), category: f.category }));
  if ('existing' in x)
    out.existing = (x.existing as readonly Facility[]).map((f) => ({ ...pt(f), category: f.category }));
  if ('candidates' in x) out.candidates = (x.candidates as readonly GeoPoint[]).map(pt);
  return out as T;
}

/** A task result with its failure turned back into a {@link CircleError}. */
export function fromTask<T>(r: TaskResult<T>): { ok: true; value: T } | { ok: false; error: CircleError } {
  if (r.ok) return { ok: true, value: r.value };
  return { ok: false, error: new CircleError(r.error.code, r.error.detail, r.error.cap) };
}
