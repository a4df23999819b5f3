/**
 * Work that runs in the circle worker pool (piscina), off the event loop: OSM import (inflate, parse,
 * graph build, bundle encoding) and the exact HiGHS site solve. Inputs and outputs are plain data
 * (structured clone / transfer); errors come back as values so their codes survive the thread boundary.
 */
import { computeCoverage, type CoverageInput, type CoverageReport } from '../domain/coverage.ts';
import { exactSites, type ExactChoice } from '../domain/exact.ts';
import { buildCoverSets, type CoverSets, type SiteProblem } from '../domain/sites.ts';
import type { Threshold } from '../domain/categories.ts';
import type { Facility, Home } from '../domain/types.ts';
import { prepareCategory, summarize, whatIfAdd, whatIfRemove, type CoverageSummary } from '../domain/whatif.ts';
import { engineFor, type EngineSpec } from './engines.ts';
import { unpackTask, type PackedTask } from './packing.ts';
import { readFileSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { encodeGraph, packBundle } from '../osm/cache.ts';
import { importOsm } from '../osm/import.ts';
import type { PbfLimits } from '../osm/pbf.ts';
import { renderReport, type ReportData } from '../report/pdf.ts';
import { loadStoredNetwork, type LoadedNetwork, type LoadNetworkTask } from './stored.ts';
import type { TaskResult } from './result.ts';

export type { TaskResult } from './result.ts';

/** Import an OSM PBF file into an encoded graph bundle. */
interface ImportTask {
  readonly kind: 'import';
  /** The upload on disk: the worker reads it, so the main thread never holds the file. */
  readonly path: string;
  readonly limits: PbfLimits;
  /** Where to post `[done, total]` bytes after each block (the CLI's progress bar), when someone listens. */
  readonly progress?: MessagePort;
}
/** What an import returns: the stored (packed) bundle and the numbers for its stats. */
export interface ImportOutput {
  readonly bundle: Uint8Array;
  readonly nodes: number;
  readonly edges: number;
  readonly km: number;
  readonly buildings: number;
  readonly pois: number;
  readonly osmNodes: number;
  readonly osmWays: number;
  readonly importMs: number;
}
/** Solve the exact maximal-covering MILP for given cover sets. */
interface ExactTask {
  readonly kind: 'exact';
  readonly sets: CoverSets;
  readonly k: number;
  readonly timeLimitS: number;
}
/** Coverage of homes by facilities on a shared graph (the report without its snap tables). */
interface CoverageTask {
  readonly kind: 'coverage';
  readonly engine: EngineSpec;
  readonly input: PackedTask<Omit<CoverageInput, 'homeSnaps'>>;
}
/** The cover sets of a site-selection problem on a shared graph. */
interface CoverSetsTask {
  readonly kind: 'coverSets';
  readonly engine: EngineSpec;
  readonly problem: PackedTask<Omit<SiteProblem, 'homeSnaps'>>;
}
/** What-if add or remove one facility of a category: coverage summaries before and after. */
export interface WhatIfTask {
  readonly kind: 'whatIf';
  readonly engine: EngineSpec;
  readonly input: PackedTask<{
    homes: readonly Home[];
    facilities: readonly Facility[];
    category: string;
    profile: string;
    thresholds: readonly Threshold[];
    add: Facility | null;
    remove: string | null;
  }>;
}
/** Render the 一老一小 PDF report from its gathered data (pdfkit lays out and compresses synchronously). */
interface ReportTask {
  readonly kind: 'report';
  readonly data: ReportData;
  readonly lang: 'zh-CN' | 'en';
}
/** The what-if answer (`far`: the added point is beyond the snap limit, nothing was computed). */
export interface WhatIfOutput {
  readonly far: boolean;
  readonly before: CoverageSummary;
  readonly after: CoverageSummary;
  readonly prepareMs: number;
  readonly whatIfMs: number;
}
/** Coverage as returned by the pool: everything but the snap tables (kept in the worker). */
export type PoolCoverage = Omit<CoverageReport, 'homeSnaps'>;
/** A task of the pool. */
export type CircleTask =
  | ImportTask
  | ExactTask
  | CoverageTask
  | CoverSetsTask
  | WhatIfTask
  | ReportTask
  | LoadNetworkTask;

/** Import a PBF into an encoded bundle plus its numbers. */
function importToBundle(
  pbf: Uint8Array,
  limits: PbfLimits,
  onProgress?: (done: number, total: number) => void,
): TaskResult<ImportOutput> {
  const r = importOsm(pbf, onProgress ? { limits, onProgress } : { limits });
  if (!r.ok) {
    const e = r.error;
    return { ok: false, error: { code: e.code, detail: e.detail, ...(e.cap ? { cap: e.cap } : {}) } };
  }
  const { graph, buildings, pois, stats } = r.value;
  let km = 0;
  for (const l of graph.edgeLen) km += l / 1000;
  const bundle = packBundle(encodeGraph({ graph, buildings, pois }));
  return {
    ok: true,
    value: {
      bundle,
      nodes: graph.nodeCount,
      edges: graph.edgeCount,
      km: Math.round(km * 10) / 10,
      buildings: buildings.length,
      pois: pois.length,
      osmNodes: stats.nodes,
      osmWays: stats.ways,
      importMs: stats.ms,
    },
  };
}

/** The worker's entry: dispatch on the task kind. */
export async function runTask(
  t: CircleTask,
): Promise<
  | TaskResult<ImportOutput>
  | TaskResult<LoadedNetwork>
  | ExactChoice
  | PoolCoverage
  | CoverSets
  | WhatIfOutput
  | Uint8Array
> {
  if (t.kind === 'whatIf') return runWhatIf(t);
  if (t.kind === 'loadNetwork') return loadStoredNetwork(t);
  if (t.kind === 'report') return new Uint8Array(await renderReport(t.data, t.lang));
  if (t.kind === 'coverage') {
    const { homeSnaps: _, ...rep } = computeCoverage(engineFor(t.engine), unpackTask(t.input));
    return rep;
  }
  if (t.kind === 'coverSets') return buildCoverSets(engineFor(t.engine), unpackTask(t.problem));
  // (The bundle is structured-cloned back: a memcpy of a few MB; piscina's move() only transfers top-level values.)
  if (t.kind === 'import') {
    const port = t.progress;
    try {
      return importToBundle(readFileSync(t.path), t.limits, port && ((d, n) => port.postMessage([d, n])));
    } finally {
      port?.close();
    }
  }
  return exactSites(t.sets, t.k, t.timeLimitS);
}

function runWhatIf(t: WhatIfTask): WhatIfOutput {
  const engine = engineFor(t.engine),
    inp = unpackTask(t.input);
  const none: WhatIfOutput = { far: true, before: {}, after: {}, prepareMs: 0, whatIfMs: 0 };
  if (inp.add && engine.snapIndex.snap(inp.add.lon, inp.add.lat, engine.maxSnapM, engine.weights(inp.profile)) === null)
    return none;
  const t0 = performance.now();
  const st = prepareCategory(engine, inp.category, inp.homes, inp.facilities, inp.profile);
  const t1 = performance.now();
  const next = inp.add ? whatIfAdd(engine, st, inp.add) : whatIfRemove(engine, st, inp.remove ?? '');
  const t2 = performance.now();
  return {
    far: false,
    before: summarize(engine, st, inp.thresholds),
    after: summarize(engine, next, inp.thresholds),
    prepareMs: t1 - t0,
    whatIfMs: t2 - t1,
  };
}
