/** `linli import|export ledger|geojson <file> --community <code>`: the household ledger and map areas as files. */
import { extname } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { AppError } from '../server/platform/errors.ts';
import {
  exportAreas,
  exportLedger,
  fileToRows,
  importCompounds,
  importGrids,
  importLedger,
  rowsToFile,
} from '../server/modules/registry/index.ts';
import { parseCrs } from '../shared/geo/crs.ts';
import { need, str, type CommandDef, type Flags, type Io } from './args.ts';
import { cliCtx, withDb } from './shared.ts';

const fmtOf = (file: string) => (extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');

async function readFeatures(io: Io, file: string): Promise<FeatureCollection> {
  let fc: FeatureCollection;
  try {
    fc = JSON.parse((await io.readFile(file)).toString('utf8')) as FeatureCollection;
  } catch {
    throw new AppError('BAD_FILE', { params: { reason: 'not JSON' } });
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new AppError('BAD_FILE', { params: { reason: 'not a FeatureCollection' } });
  return fc;
}

async function runImport([what, file]: string[], flags: Flags, io: Io): Promise<void> {
  if (!file) throw new Error('usage: linli import ledger|geojson <file> --community <code>');
  const community = need(flags, 'community');
  await withDb(async (h) => {
    const ctx = await cliCtx(h, community, str(flags, 'user'));
    if (what === 'ledger') {
      const rows = await fileToRows(await io.readFile(file), fmtOf(file));
      console.log(JSON.stringify(await importLedger(ctx, community, rows)));
    } else if (what === 'geojson') {
      const crs = parseCrs(str(flags, 'crs') ?? 'wgs84');
      if (!crs) throw new AppError('BAD_CRS', { params: { crs: str(flags, 'crs') ?? '' } });
      const fc = await readFeatures(io, file);
      const kind = need(flags, 'kind');
      console.log(
        JSON.stringify(
          kind === 'grids'
            ? await importGrids(ctx, community, fc, crs)
            : await importCompounds(ctx, community, fc, crs),
        ),
      );
    } else throw new Error('import what? ledger | geojson');
  });
}

async function runExport([what, file]: string[], flags: Flags, io: Io): Promise<void> {
  if (!file) throw new Error('usage: linli export ledger|geojson <file> --community <code>');
  const community = need(flags, 'community');
  await withDb(async (h) => {
    const ctx = await cliCtx(h, community, str(flags, 'user'));
    if (what === 'ledger') await io.writeFile(file, await rowsToFile(await exportLedger(ctx, community), fmtOf(file)));
    else if (what === 'geojson') {
      const kind = need(flags, 'kind') === 'compounds' ? 'compounds' : 'grids';
      await io.writeFile(file, JSON.stringify(await exportAreas(ctx, community, kind)));
    } else throw new Error('export what? ledger | geojson');
    console.log(`wrote ${file}`);
  });
}

const S = { type: 'string' } as const;
const base = { community: S, user: S };

/** `linli import ledger|geojson …`. */
export const importDef: CommandDef = {
  sub: { ledger: base, geojson: { ...base, kind: S, crs: S } },
  run: runImport,
};

/** `linli export ledger|geojson …`. */
export const exportDef: CommandDef = {
  sub: { ledger: base, geojson: { ...base, kind: S } },
  run: runExport,
};
