/** `linli circle import|facilities|coverage|sites|report`: the life-circle analyses from the command line. */
import { basename, extname } from 'node:path';
import { AppError } from '../server/platform/errors.ts';
import type { DbHandle } from '../server/platform/db/connect.ts';
import {
  circleRuntime,
  coverage,
  importFacilities,
  importNetwork,
  reportPdf,
  ROADS_NETWORK,
  sites,
} from '../server/modules/circle/index.ts';
import { bar, cliCtx, communityCodes, listCodes, requireCommunity, withDb, type Io } from './commands.ts';

/** The community to work on: `--community`, else the only one; a fresh database says what to run first. */
async function communityOf(h: DbHandle, flags: Record<string, string>): Promise<string> {
  const all = await communityCodes(h);
  if (all.length === 0) throw new AppError('CLI_NO_COMMUNITY');
  if (flags.community) {
    await requireCommunity(h, flags.community);
    return flags.community;
  }
  if (all.length > 1)
    throw new AppError('CLI_COMMUNITY_REQUIRED', { params: { count: all.length, codes: listCodes(all) } });
  return all[0]!;
}

const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)}%`;

/** Runs one `linli circle …` sub-command. */
export async function circleCommand([sub, file]: string[], flags: Record<string, string>, io: Io): Promise<void> {
  const rt = circleRuntime();
  try {
    await circleWith(rt, sub, file, flags, io);
  } finally {
    await rt.pool.close();
  }
}

async function circleWith(
  rt: ReturnType<typeof circleRuntime>,
  sub: string | undefined,
  file: string | undefined,
  flags: Record<string, string>,
  io: Io,
): Promise<void> {
  await withDb(async (h) => {
    const community = await communityOf(h, flags);
    const ctx = await cliCtx(h, community, flags.user);
    if (flags.lang === 'en' || flags.lang === 'zh-CN') ctx.lang = flags.lang;
    const network = flags.network ?? ROADS_NETWORK;
    if (sub === 'import') {
      if (!file || !flags.name)
        throw new Error('usage: linli circle import <file.osm.pbf> --name <name> [--community <code>]');
      const buf = await io.readFile(file);
      const b = bar(buf.byteLength, 'import');
      let r: Awaited<ReturnType<typeof importNetwork>>;
      try {
        r = await importNetwork(
          rt,
          ctx,
          community,
          flags.name,
          new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength),
          basename(file),
          (done) => b.update(done, { step: 'bytes' }),
        );
        b.update(buf.byteLength);
      } finally {
        b.stop();
      }
      const s = r.stats;
      console.log(
        `network ${r.name}: ${s.nodes} vertices, ${s.edges} edges, ${s.km} km walkable, ${s.buildings} buildings, ${s.pois} POIs (${s.importMs} ms; ${(r.bytes / 1e6).toFixed(1)} MB stored)\n${r.attribution}`,
      );
    } else if (sub === 'facilities') {
      if (!file) throw new Error('usage: linli circle facilities <file.csv|.xlsx|.geojson> [--crs wgs84|gcj02|bd09]');
      const ext = extname(file).toLowerCase();
      const fmt = ext === '.xlsx' ? 'xlsx' : ext === '.json' || ext === '.geojson' ? 'geojson' : 'csv';
      console.log(
        JSON.stringify(
          await importFacilities(rt, ctx, community, await io.readFile(file), fmt, flags.crs ?? 'wgs84', network),
        ),
      );
    } else if (sub === 'coverage') {
      const c = await coverage(rt, ctx, community, network);
      if (flags.json !== undefined) {
        console.log(JSON.stringify(c, null, 1));
        return;
      }
      const profile = flags.profile ?? 'standard';
      console.log(
        `${community} on ${c.network.name}: ${c.homes} buildings, ${c.totals.households} households, ${c.totals.people} people, ${c.totals.elderly} elderly, ${c.totals.children} children (${c.ms} ms)`,
      );
      console.log(
        `profile ${profile}; share within the GB distance — households / people / elderly / children; then households within 5 / 10 / 15 min`,
      );
      for (const cat of c.categories) {
        const row = (th: string) =>
          c.rows.find((r) => r.category === cat.id && r.profile === profile && r.threshold === th)!.share;
        const gb = row('gb');
        console.log(
          `${cat.id.padEnd(26)} ${String(cat.facilities).padStart(3)} ${String(cat.maxDistanceM).padStart(5)} m ${pct(gb.households)} ${pct(gb.people)} ${pct(gb.elderly)} ${pct(gb.children)} | ${pct(row('min5').households)} ${pct(row('min10').households)} ${pct(row('min15').households)}`,
        );
      }
      console.log(`gaps (GB 50180): ${c.gaps.map((g) => `${g.category} ${g.status}`).join(', ') || 'none'}`);
      if (c.farFacilities.length)
        console.log(
          `facilities > ${rt.settings.maxSnapM} m from any path (not counted): ${c.farFacilities.map((f) => f.name).join(', ')}`,
        );
      if (c.network.attribution) console.log(c.network.attribution);
    } else if (sub === 'sites') {
      if (!flags.category)
        throw new Error(
          'usage: linli circle sites --category <code> [--k 3] [--candidates freed|vacant|any] [--for households|elderly|children]',
        );
      const who = flags.for ?? 'households';
      const weights =
        who === 'elderly'
          ? { base: 'none' as const, elderly: 1, children: 0 }
          : who === 'children'
            ? { base: 'none' as const, elderly: 0, children: 1 }
            : { base: 'households' as const, elderly: 0, children: 0 };
      const cand = flags.candidates === 'vacant' || flags.candidates === 'any' ? flags.candidates : 'freed';
      const r = await sites(rt, ctx, community, network, {
        category: flags.category,
        k: Number(flags.k ?? 3),
        candidates: cand,
        profile: who === 'elderly' ? 'elderly' : 'standard',
        threshold: { kind: 'gb' },
        weights,
        exact: true,
      });
      console.log(`${r.category}: ${r.candidates} candidates (${cand}), uncovered demand ${r.uncovered} (${who})`);
      for (const p of r.picks)
        console.log(
          `#${p.rank} ${p.name} (${p.lon.toFixed(6)}, ${p.lat.toFixed(6)}): +${p.gain.households} households, +${p.gain.elderly} elderly, +${p.gain.children} children`,
        );
      console.log(
        `greedy ${r.greedy.covered} in ${r.greedy.ms} ms${r.exact ? `; exact optimum ${r.exact.covered} (${r.exact.optimal ? 'optimal' : 'time limit'}, ${r.exact.ms} ms) → gap ${r.exact.gapPct}%` : ''}`,
      );
      if (r.network.attribution) console.log(r.network.attribution);
    } else if (sub === 'report') {
      if (!file) throw new Error('usage: linli circle report <out.pdf> [--network <name>] [--lang zh-CN|en]');
      await io.writeFile(file, await reportPdf(rt, ctx, community, network));
      console.log(`wrote ${file}`);
    } else
      throw new AppError('VALIDATION_FAILED', {
        params: { detail: 'linli circle import | facilities | coverage | sites | report' },
      });
  });
}
