/** `linli circle import|facilities|coverage|sites|report`: the life-circle analyses from the command line. */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppError } from '../server/platform/errors.ts';
import type { DbHandle } from '../server/platform/db/connect.ts';
import type { Ctx } from '../server/modules/registry/index.ts';
import {
  circleRuntime,
  coverage,
  importFacilities,
  importNetwork,
  reportPdf,
  ROADS_NETWORK,
  sites,
} from '../server/modules/circle/index.ts';
import { bool, str, type CommandDef, type Flags, type Io } from './args.ts';
import { bar, cliCtx, communityCodes, listCodes, requireCommunity, withDb } from './shared.ts';

type Runtime = ReturnType<typeof circleRuntime>;
/** What every `circle` sub-command works with. */
interface Job {
  rt: Runtime;
  ctx: Ctx;
  community: string;
  network: string;
  file: string | undefined;
  flags: Flags;
  io: Io;
}

/** The community to work on: `--community`, else the only one; a fresh database says what to run first. */
async function communityOf(h: DbHandle, flags: Flags): Promise<string> {
  const all = await communityCodes(h);
  if (all.length === 0) throw new AppError('CLI_NO_COMMUNITY');
  const wanted = str(flags, 'community');
  if (wanted) {
    await requireCommunity(h, wanted);
    return wanted;
  }
  if (all.length > 1)
    throw new AppError('CLI_COMMUNITY_REQUIRED', { params: { count: all.length, codes: listCodes(all) } });
  return all[0]!;
}

const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)}%`;

async function runImport({ rt, ctx, community, file, flags }: Job): Promise<void> {
  const name = str(flags, 'name');
  if (!file || !name) throw new Error('usage: linli circle import <file.osm.pbf> --name <name> [--community <code>]');
  // The worker reads the file itself: the CLI never holds the extract in memory (issue 8, item 3).
  const b = bar((await stat(file)).size, 'import');
  let r: Awaited<ReturnType<typeof importNetwork>>;
  try {
    r = await importNetwork(rt, ctx, community, name, { path: file, fileName: basename(file) }, (done, total) =>
      b.update(Math.min(done, total), { step: 'bytes' }),
    );
  } finally {
    b.stop();
  }
  const s = r.stats;
  console.log(
    `network ${r.name}: ${s.nodes} vertices, ${s.edges} edges, ${s.km} km walkable, ${s.buildings} buildings, ` +
      `${s.pois} POIs (${s.importMs} ms; ${(r.bytes / 1e6).toFixed(1)} MB stored)\n${r.attribution}`,
  );
}

async function runFacilities({ rt, ctx, community, network, file, flags, io }: Job): Promise<void> {
  if (!file) throw new Error('usage: linli circle facilities <file.csv|.xlsx|.geojson> [--crs wgs84|gcj02|bd09]');
  const ext = extname(file).toLowerCase();
  const fmt = ext === '.xlsx' ? 'xlsx' : ext === '.json' || ext === '.geojson' ? 'geojson' : 'csv';
  const crs = str(flags, 'crs') ?? 'wgs84';
  console.log(JSON.stringify(await importFacilities(rt, ctx, community, await io.readFile(file), fmt, crs, network)));
}

async function runCoverage({ rt, ctx, community, network, flags }: Job): Promise<void> {
  const c = await coverage(rt, ctx, community, network);
  if (bool(flags, 'json')) {
    console.log(JSON.stringify(c, null, 1));
    return;
  }
  const profile = str(flags, 'profile') ?? 'standard';
  const t = c.totals;
  console.log(
    `${community} on ${c.network.name}: ${c.homes} buildings, ${t.households} households, ${t.people} people, ` +
      `${t.elderly} elderly, ${t.children} children (${c.ms} ms)`,
  );
  console.log(
    `profile ${profile}; share within the GB distance — households / people / elderly / children; ` +
      'then households within 5 / 10 / 15 min',
  );
  for (const cat of c.categories) {
    const row = (th: string) =>
      c.rows.find((r) => r.category === cat.id && r.profile === profile && r.threshold === th)!.share;
    const gb = row('gb');
    console.log(
      `${cat.id.padEnd(26)} ${String(cat.facilities).padStart(3)} ${String(cat.maxDistanceM).padStart(5)} m ` +
        `${pct(gb.households)} ${pct(gb.people)} ${pct(gb.elderly)} ${pct(gb.children)} | ` +
        `${pct(row('min5').households)} ${pct(row('min10').households)} ${pct(row('min15').households)}`,
    );
  }
  console.log(`gaps (GB 50180): ${c.gaps.map((g) => `${g.category} ${g.status}`).join(', ') || 'none'}`);
  if (c.farFacilities.length)
    console.log(
      `facilities > ${rt.settings.maxSnapM} m from any path (not counted): ` +
        c.farFacilities.map((f) => f.name).join(', '),
    );
  if (c.network.attribution) console.log(c.network.attribution);
}

async function runSites({ rt, ctx, community, network, flags }: Job): Promise<void> {
  const category = str(flags, 'category');
  if (!category)
    throw new Error(
      'usage: linli circle sites --category <code> [--k 3] [--candidates freed|vacant|any] ' +
        '[--for households|elderly|children]',
    );
  const who = str(flags, 'for') ?? 'households';
  const weights =
    who === 'elderly'
      ? { base: 'none' as const, elderly: 1, children: 0 }
      : who === 'children'
        ? { base: 'none' as const, elderly: 0, children: 1 }
        : { base: 'households' as const, elderly: 0, children: 0 };
  const wanted = str(flags, 'candidates');
  const cand = wanted === 'vacant' || wanted === 'any' ? wanted : 'freed';
  const r = await sites(rt, ctx, community, network, {
    category,
    k: Number(str(flags, 'k') ?? 3),
    candidates: cand,
    profile: who === 'elderly' ? 'elderly' : 'standard',
    threshold: { kind: 'gb' },
    weights,
    exact: true,
  });
  console.log(`${r.category}: ${r.candidates} candidates (${cand}), uncovered demand ${r.uncovered} (${who})`);
  for (const p of r.picks)
    console.log(
      `#${p.rank} ${p.name} (${p.lon.toFixed(6)}, ${p.lat.toFixed(6)}): +${p.gain.households} households, ` +
        `+${p.gain.elderly} elderly, +${p.gain.children} children`,
    );
  const x = r.exact;
  const exact = x
    ? `; exact optimum ${x.covered} (${x.optimal ? 'optimal' : 'time limit'}, ${x.ms} ms) → gap ${x.gapPct}%`
    : '';
  console.log(`greedy ${r.greedy.covered} in ${r.greedy.ms} ms${exact}`);
  if (r.network.attribution) console.log(r.network.attribution);
}

async function runReport({ rt, ctx, community, network, file, io }: Job): Promise<void> {
  if (!file) throw new Error('usage: linli circle report <out.pdf> [--network <name>] [--lang zh-CN|en]');
  await io.writeFile(file, await reportPdf(rt, ctx, community, network));
  console.log(`wrote ${file}`);
}

const SUBS: Record<string, (job: Job) => Promise<void>> = {
  import: runImport,
  facilities: runFacilities,
  coverage: runCoverage,
  sites: runSites,
  report: runReport,
};

/** Runs one `linli circle …` sub-command. */
async function circleCommand([sub, file]: string[], flags: Flags, io: Io): Promise<void> {
  const rt = circleRuntime();
  try {
    await withDb(async (h) => {
      const community = await communityOf(h, flags);
      const ctx = await cliCtx(h, community, str(flags, 'user'));
      const lang = str(flags, 'lang');
      if (lang === 'en' || lang === 'zh-CN') ctx.lang = lang;
      const network = str(flags, 'network') ?? ROADS_NETWORK;
      const run = sub !== undefined && Object.hasOwn(SUBS, sub) ? SUBS[sub] : undefined;
      if (!run)
        throw new AppError('VALIDATION_FAILED', {
          params: { detail: 'linli circle import | facilities | coverage | sites | report' },
        });
      await run({ rt, ctx, community, network, file, flags, io });
    });
  } finally {
    await rt.pool.close();
  }
}

const S = { type: 'string' } as const;
/** Read by every sub-command (the community, the acting account, the network, the language of messages). */
const common = { community: S, user: S, network: S, lang: S };

/** `linli circle …`. */
export const circleDef: CommandDef = {
  sub: {
    import: { ...common, name: S },
    facilities: { ...common, crs: S },
    coverage: { ...common, profile: S, json: { type: 'boolean' } },
    sites: { ...common, category: S, k: S, candidates: S, for: S },
    report: common,
  },
  run: circleCommand,
};
