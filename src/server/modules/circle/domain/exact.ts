import { createRequire } from 'node:module';
import type { Highs } from 'highs';
import type { CoverSets, SiteChoice } from './sites.ts';

// highs ships CommonJS whose typings declare an ESM default export; require() gives the loader itself.
const highsLoader = createRequire(import.meta.url)('highs') as () => Promise<Highs>;
let loaded: Promise<Highs> | null = null;
/** Load the HiGHS WASM solver once per process. */
function loadHighs(): Promise<Highs> {
  loaded ??= highsLoader();
  return loaded;
}

/** Exact maximal-covering result: `optimal` is false when the time limit stopped HiGHS early. */
export interface ExactChoice extends SiteChoice {
  readonly optimal: boolean;
  readonly bound: number;
  readonly groups: number;
}

/**
 * Exact maximal covering by MILP (HiGHS): maximise Σ w_g·y_g s.t. y_g ≤ Σ_{c covers g} x_c,
 * Σ x_c = k (or ≤ k when fewer useful candidates), x binary, 0 ≤ y ≤ 1. Homes covered by exactly the
 * same candidates are merged into one group first, which shrinks real instances by 5–20×.
 * For small/medium instances (reporting greedy's gap); greedy is what production uses.
 */
export async function exactSites(sets: CoverSets, k: number, timeLimitS = 30): Promise<ExactChoice> {
  const nc = sets.start.length - 1,
    nh = sets.weight.length;
  // Invert candidate→homes to home→candidates (ascending candidates per home by construction).
  const deg = new Int32Array(nh + 1);
  for (let q = 0; q < sets.home.length; q++) deg[sets.home[q]! + 1]!++;
  for (let i = 0; i < nh; i++) deg[i + 1]! += deg[i]!;
  const fill = deg.slice(0, nh),
    cand = new Int32Array(sets.home.length);
  for (let c = 0; c < nc; c++)
    for (let q = sets.start[c]!; q < sets.start[c + 1]!; q++) cand[fill[sets.home[q]!]!++] = c;
  const groups = new Map<string, { w: number; cands: number[] }>();
  for (let i = 0; i < nh; i++) {
    const w = sets.weight[i]!;
    if (w <= 0 || deg[i] === deg[i + 1]) continue;
    const cs = Array.from(cand.subarray(deg[i]!, deg[i + 1]!));
    const key = cs.join(',');
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { w, cands: cs });
    else g.w += w;
  }
  const useful = new Set<number>();
  for (const g of groups.values()) for (const c of g.cands) useful.add(c);
  const xs = [...useful].sort((a, b) => a - b);
  if (xs.length === 0 || k <= 0) return { chosen: [], gains: [], covered: 0, optimal: true, bound: 0, groups: 0 };
  const lines: string[] = ['Maximize', ' obj:'];
  const gl = [...groups.values()];
  for (const [j, g] of gl.entries()) lines.push(` + ${g.w} y${j}`);
  lines.push('Subject To');
  gl.forEach((g, j) => {
    lines.push(` g${j}: y${j}`);
    for (const c of g.cands) lines.push(` - x${c}`);
    lines.push(' <= 0');
  });
  lines.push(' card:');
  for (const c of xs) lines.push(` + x${c}`);
  lines.push(` ${xs.length > k ? '=' : '<='} ${Math.min(k, xs.length)}`, 'Bounds');
  for (const j of gl.keys()) lines.push(` 0 <= y${j} <= 1`);
  lines.push('Binary');
  for (const c of xs) lines.push(` x${c}`);
  lines.push('End');
  const highs = await loadHighs();
  const sol = highs.solve(lines.join('\n'), { time_limit: timeLimitS, output_flag: false, mip_rel_gap: 1e-6 });
  const primal = (c: number): number => {
    const col = sol.Columns[`x${c}`];
    return col !== undefined && 'Primal' in col ? col.Primal : 0;
  };
  const chosen = xs.filter((c) => primal(c) > 0.5);
  const covered = gl.reduce((s, g) => s + (g.cands.some((c) => chosen.includes(c)) ? g.w : 0), 0);
  const info = sol as { Status: string; ObjectiveValue?: number };
  const bound = info.ObjectiveValue ?? covered;
  return { chosen, gains: [], covered, optimal: info.Status === 'Optimal', bound, groups: gl.length };
}
