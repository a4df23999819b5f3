/**
 * Point → grid lookup benchmark: GridIndex (bucket grid + typed-array PIP) against a naive
 * flatbush + robust-point-in-polygon lookup and a brute-force scan.
 * Standalone: `node --import tsx bench/grid-lookup.ts` writes docs/benchmarks-grid.md.
 */
import Flatbush from 'flatbush';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GridIndex, type GridItem } from '../src/server/modules/registry/domain/geo/gridIndex.ts';
import { mulberry32, syntheticTessellation } from '../src/server/modules/registry/domain/geo/synthetic.ts';

type Classify = (loop: readonly (readonly number[])[], p: readonly number[]) => -1 | 0 | 1;
const robustClassify = createRequire(import.meta.url)('robust-point-in-polygon') as Classify;

const CELL = 0.002;
const ORIGIN: [number, number] = [100.3, 38.8];
const RUNS = 5;

/** Lookup function under test: returns an item index or −1. */
type Lookup = (x: number, y: number) => number;

function machine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1] !== undefined) cpu = m[1].trim();
  } catch {
    /* not Linux: keep os.cpus() */
  }
  const ram = (os.totalmem() / 2 ** 30).toFixed(1);
  const node = `Node ${process.version}, ${os.platform()} ${os.arch()}`;
  return `${cpu}, ${os.cpus().length} logical cores, ${ram} GiB RAM, ${node}`;
}

function randomPoints(n: number, nx: number, ny: number, seed: number): Float64Array {
  const rnd = mulberry32(seed);
  const pts = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    pts[2 * i] = ORIGIN[0] + rnd() * nx * CELL;
    pts[2 * i + 1] = ORIGIN[1] + rnd() * ny * CELL;
  }
  return pts;
}

/** Median lookups/s over RUNS timed passes (after one warm-up pass), plus the result checksum. */
function measure(lookup: Lookup, pts: Float64Array): { perSec: number; found: number } {
  const n = pts.length / 2;
  const rates: number[] = [];
  let found = 0;
  for (let run = -1; run < RUNS; run++) {
    found = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) if (lookup(pts[2 * i] as number, pts[2 * i + 1] as number) >= 0) found++;
    const dt = (performance.now() - t0) / 1000;
    if (run >= 0) rates.push(n / dt);
  }
  rates.sort((a, b) => a - b);
  return { perSec: rates[rates.length >> 1] ?? 0, found };
}

/** The naive baseline: flatbush candidates (any order), robust-point-in-polygon, lowest index wins. */
function naiveLookup(items: readonly GridItem[]): { lookup: Lookup; buildMs: number } {
  const t0 = performance.now();
  const loops = items.map((it) =>
    it.geometry.type === 'Polygon' ? (it.geometry.coordinates[0] ?? []).slice(0, -1) : [],
  );
  const fb = new Flatbush(items.length);
  for (const loop of loops) {
    const xs = loop.map((p) => p[0] ?? 0),
      ys = loop.map((p) => p[1] ?? 0);
    fb.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
  }
  fb.finish();
  const buildMs = performance.now() - t0;
  const lookup: Lookup = (x, y) => {
    let best = -1;
    for (const i of fb.search(x, y, x, y)) {
      if ((best < 0 || i < best) && robustClassify(loops[i] ?? [], [x, y]) <= 0) best = i;
    }
    return best;
  };
  return { lookup, buildMs };
}

const command = (): string =>
  ['node', ...process.execArgv, relative(process.cwd(), process.argv[1] ?? 'bench/grid-lookup.ts')].join(' ');
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** Run the benchmark and return a markdown section. Takes about half a minute. */
export async function runGridBench(): Promise<string> {
  const nx = 400,
    ny = 250; // 100,000 grids
  const items = syntheticTessellation({ nx, ny, seed: 1, cell: CELL, origin: ORIGIN });
  const vertices = items.reduce(
    (s, it) => s + (it.geometry.type === 'Polygon' ? (it.geometry.coordinates[0]?.length ?? 1) - 1 : 0),
    0,
  );
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const mem0 = process.memoryUsage();
  const t0 = performance.now();
  const index = GridIndex.build(items);
  const buildMs = performance.now() - t0;
  gc?.();
  const mem1 = process.memoryUsage();
  const heapDelta = mem1.heapUsed + mem1.arrayBuffers - mem0.heapUsed - mem0.arrayBuffers;

  const nPts = 1_000_000;
  const pts = randomPoints(nPts, nx, ny, 42);
  const fast = measure((x, y) => index.locateIndex(x, y), pts);
  const naive = naiveLookup(items);
  const nNaive = 200_000;
  const naivePts = pts.subarray(0, 2 * nNaive);
  const slow = measure(naive.lookup, naivePts);
  let disagree = 0;
  for (let i = 0; i < nNaive; i++) {
    const x = naivePts[2 * i] as number,
      y = naivePts[2 * i + 1] as number;
    if (index.locateIndex(x, y) !== naive.lookup(x, y)) disagree++;
  }

  const small = syntheticTessellation({ nx: 100, ny: 100, seed: 2, cell: CELL, origin: ORIGIN });
  const smallIndex = GridIndex.build(small);
  const smallPts = randomPoints(5_000, 100, 100, 7);
  const brute = measure((x, y) => smallIndex.locateIndexBrute(x, y), smallPts);
  const smallFast = measure((x, y) => smallIndex.locateIndex(x, y), smallPts);
  const b = index.buckets;

  return [
    '## Point → grid lookup (`GridIndex`)',
    '',
    `Run ${new Date().toISOString()} on ${machine()}. Single thread (JavaScript main thread).`,
    `Command: \`${command()}\`. Lookups/s are the median of ${RUNS} timed passes after one warm-up pass; ` +
      `the 1-minute load average at the end was ${os.loadavg()[0]?.toFixed(2)} ` +
      `(other work on the machine lowers the figures).`,
    '',
    `Data: synthetic tessellation (\`syntheticTessellation\`, seed 1) of ${fmt(items.length)} irregular grids ` +
      `(${nx}×${ny} cells of ${CELL}° ≈ 170×220 m near Ganzhou, 8–12 vertices each, ` +
      `${fmt(vertices)} vertices in total); uniformly random points over the territory (seed 42).`,
    '',
    '| method | grids | points per pass | build | lookups/s |',
    '|---|---:|---:|---:|---:|',
    `| GridIndex (bucket grid ${b.nx}×${b.ny}, ${fmt(b.entries)} entries + typed-array PIP) | ` +
      `${fmt(items.length)} | ${fmt(nPts)} | ${buildMs.toFixed(0)} ms | **${fmt(fast.perSec)}** |`,
    `| naive: flatbush + robust-point-in-polygon | ${fmt(items.length)} | ${fmt(nNaive)} | ` +
      `${naive.buildMs.toFixed(0)} ms | ${fmt(slow.perSec)} |`,
    `| GridIndex | ${fmt(small.length)} | ${fmt(smallPts.length / 2)} | — | ${fmt(smallFast.perSec)} |`,
    `| brute force (scan all, same PIP) | ${fmt(small.length)} | ${fmt(smallPts.length / 2)} | — | ` +
      `${fmt(brute.perSec)} |`,
    '',
    `- Speed-up over the naive baseline: ${(fast.perSec / slow.perSec).toFixed(1)}×; ` +
      `over brute force on ${fmt(small.length)} grids: ${fmt(smallFast.perSec / brute.perSec)}×.`,
    `- Memory: typed arrays of the index ${mb(index.byteLength)} MiB; ` +
      `heap + ArrayBuffer growth during build ${mb(heapDelta)} MiB` +
      `${gc === undefined ? ' (no forced GC; run with `--expose-gc` for a cleaner figure)' : ' (after forced GC)'}.`,
    `- Hits: ${fmt(fast.found)} of ${fmt(nPts)} points found a grid (the points all lie inside the territory).`,
    `- Agreement: GridIndex and the naive baseline differ on ${disagree} of ${fmt(nNaive)} points; ` +
      `brute force found ${fmt(brute.found)} and GridIndex ${fmt(smallFast.found)} of ${fmt(smallPts.length / 2)} ` +
      `on the small set.`,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await runGridBench();
  const doc =
    `# Grid lookup benchmark\n\nGenerated by \`bench/grid-lookup.ts\`; ` +
    `numbers are from the run shown, not estimates.\n\n${section}`;
  writeFileSync(new URL('../docs/benchmarks-grid.md', import.meta.url), doc);
  process.stdout.write(section);
}
