/** Gathers the 一老一小 report from the same use cases the API serves, then renders the PDF. */
import { shanghaiDateTime } from '../../../../shared/time.ts';
import * as registry from '../../registry/index.ts';
import { coverage, layer, scene, type CircleRuntime, type Ctx } from '../service.ts';
import { sites } from '../analysis.ts';
import { REPORT_LABELS } from './labels.ts';
import type { ReportData, ReportRow } from './pdf.ts';

/** Categories for the elderly / for children, in report order. */
const ELDERLY_CATEGORIES = [
  'elderly_day_care',
  'community_canteen',
  'health_station',
  'culture_station',
  'fitness',
  'park',
  'nursing_home',
  'health_centre',
  'pharmacy',
];
const CHILD_CATEGORIES = ['nursery', 'kindergarten', 'playground', 'primary_school', 'middle_school', 'park'];

/** Builds the PDF report of a community on a network. */
export async function reportPdf(rt: CircleRuntime, ctx: Ctx, code: string, network: string): Promise<Buffer> {
  const cov = await coverage(rt, ctx, code, network);
  const L = REPORT_LABELS[ctx.lang];
  const label = (id: string): string => {
    const c = cov.categories.find((x) => x.id === id);
    return c ? (ctx.lang === 'en' ? c.en : c.zh) : id;
  };
  const rows = (ids: string[], profile: string, group: 'elderly' | 'children'): ReportRow[] =>
    ids
      .filter((id) => cov.categories.some((c) => c.id === id))
      .map((id) => {
        const c = cov.categories.find((x) => x.id === id)!;
        const share = (t: string): number =>
          cov.rows.find((r) => r.category === id && r.profile === profile && r.threshold === t)?.share[group] ?? 0;
        return {
          label: label(id),
          count: c.facilities,
          gbMetres: c.maxDistanceM,
          gb: share('gb'),
          min5: share('min5'),
          min10: share('min10'),
          min15: share('min15'),
        };
      });
  const focus = 'elderly_day_care';
  const lay = await layer(rt, ctx, code, network, focus, 'elderly');
  const sug = await sites(rt, ctx, code, network, {
    category: focus,
    k: 3,
    candidates: 'freed',
    profile: 'elderly',
    threshold: { kind: 'gb' },
    weights: { base: 'none', elderly: 1, children: 0 },
    exact: true,
  });
  const sc = await scene(rt, ctx, code, network);
  const g = sc.engine.graph,
    lines: number[][][] = [];
  for (let e = 0; e < g.edgeCount; e++) {
    const line: number[][] = [];
    for (let p = g.geomOffset[e]!; p < g.geomOffset[e + 1]!; p++)
      line.push([g.geomCoord[2 * p]!, g.geomCoord[2 * p + 1]!]);
    lines.push(line);
  }
  const place = await registry.placeByCode(ctx.db, code);
  const data: ReportData = {
    communityName: (ctx.lang === 'en' ? place?.nameEn : null) ?? place?.name ?? code,
    generatedAt: shanghaiDateTime(ctx.now),
    network: { name: cov.network.name, attribution: cov.network.attribution },
    homes: cov.homes,
    estimated: cov.estimatedHomes,
    totals: cov.totals,
    elderlyRows: rows(ELDERLY_CATEGORIES, 'elderly', 'elderly'),
    childrenRows: rows(CHILD_CATEGORIES, 'standard', 'children'),
    gaps: cov.gaps.map((x) => ({
      label: label(x.category),
      level: L.levels[x.level],
      absent: x.status === 'absent',
      share: x.householdShare,
      metres: cov.categories.find((c) => c.id === x.category)?.maxDistanceM ?? 0,
    })),
    sites: {
      category: label(focus),
      picks: sug.picks.map((p) => ({
        rank: p.rank,
        name: p.name,
        kind: L.kinds[p.kind],
        elderly: p.gain.elderly,
        households: p.gain.households,
        lon: p.lon,
        lat: p.lat,
      })),
      gapPct: sug.exact?.gapPct ?? null,
    },
    map: {
      category: label(focus),
      lines,
      homes: lay.homes.features.map((f, i) => {
        const h = sc.homes[i]!;
        return {
          lon: h.lon,
          lat: h.lat,
          state:
            f.properties.metres === null
              ? ('none' as const)
              : f.properties.covered
                ? ('in' as const)
                : ('out' as const),
        };
      }),
      facilities: lay.facilities.map((f): [number, number] => [f.lon, f.lat]),
    },
    isDemo: place?.isDemo ?? false,
  };
  // rendered in the worker pool: pdfkit's layout and compression would otherwise hold the event loop
  return rt.pool.report(data, ctx.lang);
}
