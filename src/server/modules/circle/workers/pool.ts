/**
 * The circle module's worker pool: heavy work (OSM import, exact HiGHS solve) runs in worker threads so
 * that no request waits behind it on the event loop. One pool per runtime, created on first use, closed
 * with the app (or the CLI command). Threads: at most 2 by default (the machines are small), idle ones exit.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { HouseholdAssumptions } from '../domain/homes.ts';
import type { ExactChoice } from '../domain/exact.ts';
import type { CoverageInput } from '../domain/coverage.ts';
import type { CoverSets, SiteProblem } from '../domain/sites.ts';
import type { GeoPoint, Home } from '../domain/types.ts';
import type { Scene } from '../network/scene.ts';
import type { EngineSpec } from './engines.ts';
import type { PackedPoints, PackedTask } from './packing.ts';
import { CircleError } from '../osm/errors.ts';
import type { PbfLimits } from '../osm/pbf.ts';
import type { ReportData } from '../report/pdf.ts';
import type { LoadedNetwork } from './stored.ts';
import type { CircleTask, ImportOutput, PoolCoverage, TaskResult, WhatIfOutput, WhatIfTask } from './tasks.ts';

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

  /**
   * Import the OSM PBF file at `path` in a worker (the worker reads the file); failures come back as the
   * {@link CircleError} of the same code. `onProgress` gets the bytes read after each block.
   */
  async importOsm(
    path: string,
    limits: PbfLimits,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ ok: true; value: ImportOutput } | { ok: false; error: CircleError }> {
    if (!onProgress)
      return fromTask((await this.get().run({ kind: 'import', path, limits })) as TaskResult<ImportOutput>);
    const { port1, port2 } = new MessageChannel();
    port1.on('message', ([done, total]: [number, number]) => onProgress(done, total));
    try {
      const task: CircleTask = { kind: 'import', path, limits, progress: port2 };
      return fromTask((await this.get().run(task, { transferList: [port2] })) as TaskResult<ImportOutput>);
    } finally {
      port1.close();
    }
  }

  /** Decode a stored network bundle in a worker (`stored` is transferred: do not use it afterwards). */
  async loadNetwork(
    stored: Uint8Array,
    assumptions: HouseholdAssumptions,
  ): Promise<{ ok: true; value: LoadedNetwork } | { ok: false; error: CircleError }> {
    const b = stored.buffer;
    const transferList = b instanceof ArrayBuffer && stored.byteLength === b.byteLength ? [b] : [];
    const task: CircleTask = { kind: 'loadNetwork', stored, assumptions };
    return fromTask((await this.get().run(task, { transferList })) as TaskResult<LoadedNetwork>);
  }

  /** Solve the exact maximal-covering MILP in a worker (HiGHS may run up to `timeLimitS`). */
  async exact(sets: CoverSets, k: number, timeLimitS: number): Promise<ExactChoice> {
    return (await this.get().run({ kind: 'exact', sets, k, timeLimitS })) as ExactChoice;
  }

  /** Coverage on the scene's shared graph, computed in a worker. */
  async coverage(sc: Scene, input: Omit<CoverageInput, 'homeSnaps'>): Promise<PoolCoverage> {
    // (PackedTask is unpacked by the worker: see unpackTask in tasks.ts.)
    return (await this.get().run({ kind: 'coverage', engine: spec(sc), input: plain(input) })) as PoolCoverage;
  }

  /** Cover sets of a site problem on the scene's shared graph, computed in a worker. */
  async coverSets(sc: Scene, problem: Omit<SiteProblem, 'homeSnaps'>): Promise<CoverSets> {
    return (await this.get().run({ kind: 'coverSets', engine: spec(sc), problem: plain(problem) })) as CoverSets;
  }

  /** What-if add / remove on the scene's shared graph, computed in a worker. */
  async whatIf(sc: Scene, input: WhatIfTask['input'] extends PackedTask<infer U> ? U : never): Promise<WhatIfOutput> {
    return (await this.get().run({ kind: 'whatIf', engine: spec(sc), input: plain(input) })) as WhatIfOutput;
  }

  /** Render the PDF report in a worker (laying out and compressing a report blocked the loop for ~0.3 s). */
  async report(data: ReportData, lang: 'zh-CN' | 'en'): Promise<Buffer> {
    const u = (await this.get().run({ kind: 'report', data, lang })) as Uint8Array;
    return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
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

/**
 * Homes, facilities and candidates as columns of typed arrays for the trip to a worker: cloning 23k small
 * objects took hundreds of milliseconds of the event loop on a busy machine, copying typed arrays does not.
 */
function plain<T extends { homes: readonly Home[] }>(x: T): PackedTask<T> {
  const out: Record<string, unknown> = { ...x, homes: packPoints(x.homes, true) };
  for (const k of ['facilities', 'existing', 'candidates'])
    if (k in x) out[k] = packPoints((x as unknown as Record<string, readonly GeoPoint[]>)[k]!, false);
  return out as PackedTask<T>;
}

/** Points as columns: ids, coordinates, optional demand and category, sparse entrances. */
function packPoints(pts: readonly (GeoPoint & Partial<Home> & { category?: string })[], demand: boolean): PackedPoints {
  const n = pts.length,
    coord = new Float64Array(2 * n),
    dem = demand ? new Float64Array(4 * n) : null;
  const ent: { i: number; c: readonly number[] }[] = [];
  for (let i = 0; i < n; i++) {
    const p = pts[i]!;
    coord[2 * i] = p.lon;
    coord[2 * i + 1] = p.lat;
    if (dem) dem.set([p.households ?? 0, p.people ?? 0, p.elderly ?? 0, p.children ?? 0], 4 * i);
    if (p.entrances !== undefined) ent.push({ i, c: p.entrances });
  }
  const cats = pts.some((p) => p.category !== undefined) ? pts.map((p) => p.category ?? '') : null;
  return { packed: true, ids: pts.map((p) => p.id), coord, demand: dem, categories: cats, entrances: ent };
}

/** A task result with its failure turned back into a {@link CircleError}. */
function fromTask<T>(r: TaskResult<T>): { ok: true; value: T } | { ok: false; error: CircleError } {
  if (r.ok) return { ok: true, value: r.value };
  return { ok: false, error: new CircleError(r.error.code, r.error.detail, r.error.cap) };
}
