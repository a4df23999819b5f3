/**
 * Imports: an OSM PBF extract as a named network (graph + buildings + POIs in one bytea row), and a
 * community's facility list (CSV / xlsx / GeoJSON in WGS-84, GCJ-02 or BD-09). Both validate everything
 * first and write in one transaction — a refused file leaves nothing behind.
 */
import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { decodeCsvBytes, parseCsv } from '../../../shared/csv.ts';
import { parseCrs, toWgs84, validLonLat, type Crs } from '../../../shared/geo/crs.ts';
import { resolveCategoryCode } from './domain/index.ts';
import { DEFAULT_PBF_LIMITS } from './osm/pbf.ts';
import { osmFileTooLarge } from './upload.ts';
import type { CircleError } from './osm/errors.ts';
import { loadScene, ROADS_NETWORK } from './network/scene.ts';
import type { NetworkStats } from './schema.ts';
import * as repo from './repository.ts';
import { authorize, type CircleRuntime, type Ctx } from './service.ts';

/** A CircleError (OSM data problem) as the AppError of the same code. */
function fromCircleError(e: CircleError): AppError {
  if (e.cap !== undefined) {
    const what =
      e.cap.what === 'blob' ? { zh: '单个数据块', en: 'one data block' } : { zh: '整个文件', en: 'the whole file' };
    return new AppError('OSM_TOO_LARGE', {
      details: e.detail,
      params: { what, limitMB: Math.round(e.cap.limit / (1024 * 1024)) },
    });
  }
  return new AppError(e.code as ErrorCode, { details: e.detail || undefined });
}

/** Valid network names (also the DB check). */
const NETWORK_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** Throws unless `name` may name an imported network (checked before an upload is received). */
export function assertNetworkName(name: string): void {
  if (!NETWORK_NAME.test(name) || name === ROADS_NETWORK) throw new AppError('CIRCLE_BAD_NETWORK_NAME');
}

/**
 * Import the OSM PBF file at `file.path` as network `name` of a community (replaces a network of the same
 * name). The file is read and parsed in a pool worker, never on this thread; `onProgress` (the CLI's bar)
 * gets the bytes parsed so far.
 */
export async function importNetwork(
  rt: CircleRuntime,
  ctx: Ctx,
  code: string,
  name: string,
  file: { readonly path: string; readonly fileName: string | null },
  onProgress?: (done: number, total: number) => void,
) {
  await authorize(ctx, 'circle.import', code);
  assertNetworkName(name);
  if ((await stat(file.path)).size > rt.settings.maxPbfBytes) throw osmFileTooLarge(rt.settings.maxPbfBytes);
  const limits = { maxBlobBytes: DEFAULT_PBF_LIMITS.maxBlobBytes, maxTotalBytes: rt.settings.maxOsmInflatedBytes };
  const r = await rt.pool.importOsm(file.path, limits, onProgress);
  if (!r.ok) throw fromCircleError(r.error);
  const { bundle, ...n } = r.value;
  const stats: NetworkStats = {
    nodes: n.nodes,
    edges: n.edges,
    km: n.km,
    buildings: n.buildings,
    pois: n.pois,
    osmNodes: n.osmNodes,
    osmWays: n.osmWays,
    importMs: n.importMs,
  };
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertNetwork(trx, {
      id,
      communityCode: code,
      name,
      fileName: file.fileName,
      stats,
      bundle,
      importedAt: ctx.now,
      importedBy: ctx.actor.accountId,
    });
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      {
        action: 'circle.network.import',
        entity: 'circle_network',
        entityId: id,
        scopeCode: code,
        after: { name, fileName: file.fileName, stats },
        ip: ctx.ip,
      },
    );
  });
  rt.cache.invalidate(`${code}/${name}`);
  return { id, name, stats, bytes: bundle.byteLength, attribution: '© OpenStreetMap contributors' };
}

/** A facility row problem. */
interface RowError {
  row: number;
  code: 'EMPTY_CATEGORY' | 'UNKNOWN_CATEGORY' | 'MISSING_NAME' | 'BAD_COORDINATES' | 'FAR_FROM_PATH';
  detail: string;
}

/** Facility file formats. */
export type FacilityFormat = 'csv' | 'xlsx' | 'geojson';

interface RawFacility {
  row: number;
  category: string;
  name: string;
  lon: number;
  lat: number;
}

const HEAD: Record<string, 'category' | 'name' | 'lon' | 'lat'> = {
  category: 'category',
  类别: 'category',
  类型: 'category',
  设施类别: 'category',
  name: 'name',
  名称: 'name',
  设施名称: 'name',
  lon: 'lon',
  lng: 'lon',
  longitude: 'lon',
  经度: 'lon',
  x: 'lon',
  lat: 'lat',
  latitude: 'lat',
  纬度: 'lat',
  y: 'lat',
};

async function readRows(buf: Buffer, format: FacilityFormat): Promise<RawFacility[]> {
  try {
    if (format === 'geojson') {
      const fc = JSON.parse(buf.toString('utf8')) as {
        type?: string;
        features?: {
          geometry?: { type?: string; coordinates?: unknown[] } | null;
          properties?: Record<string, unknown> | null;
        }[];
      };
      if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('not a FeatureCollection');
      return fc.features.map((f, i) => {
        const p = f.properties ?? {},
          c = f.geometry?.type === 'Point' ? (f.geometry.coordinates ?? []) : [];
        return {
          row: i + 1,
          category: String(p.category ?? p.类别 ?? ''),
          name: String(p.name ?? p.名称 ?? ''),
          lon: Number(c[0]),
          lat: Number(c[1]),
        };
      });
    }
    let rows: string[][];
    if (format === 'csv')
      rows = parseCsv(decodeCsvBytes(buf).text); // GBK from Chinese Excel, UTF-8, UTF-16
    else {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      if (!ws) throw new Error('no worksheet');
      rows = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: string[] = [];
        for (let c = 1; c <= 8; c++) cells.push(row.getCell(c).text ?? '');
        rows[n - 1] = cells;
      });
      rows = Array.from(rows, (r) => r ?? []);
    }
    const head = (rows[0] ?? []).map((h) => HEAD[h.trim().toLowerCase()] ?? HEAD[h.trim()]);
    const at = (k: string) => head.indexOf(k as 'name');
    if (at('category') < 0 || at('lon') < 0 || at('lat') < 0)
      throw new Error('header needs category, name, lon, lat (类别, 名称, 经度, 纬度)');
    return rows
      .slice(1)
      .map((r, i) => ({ row: i + 2, cells: r }))
      .filter((x) => x.cells.some((c) => c.trim() !== ''))
      .map(({ row, cells }) => ({
        row,
        category: cells[at('category')] ?? '',
        name: at('name') >= 0 ? (cells[at('name')] ?? '') : '',
        lon: Number((cells[at('lon')] ?? '').trim() || NaN),
        lat: Number((cells[at('lat')] ?? '').trim() || NaN),
      }));
  } catch (e) {
    throw new AppError('BAD_FILE', { params: { reason: e instanceof Error ? e.message.slice(0, 120) : 'unreadable' } });
  }
}

/** Import a community's facilities (replacing its previous import): all rows or none. */
export async function importFacilities(
  rt: CircleRuntime,
  ctx: Ctx,
  code: string,
  buf: Buffer,
  format: FacilityFormat,
  crsName: string,
  network = ROADS_NETWORK,
) {
  await authorize(ctx, 'circle.import', code);
  const crs: Crs | null = parseCrs(crsName);
  if (!crs) throw new AppError('BAD_CRS', { params: { crs: crsName } });
  const raw = await readRows(buf, format);
  if (raw.length === 0) throw new AppError('BAD_FILE', { params: { reason: 'no rows' } });
  const sc = await loadScene(ctx.db, rt.cache, rt.settings, code, network, ctx.now);
  const errors: RowError[] = [];
  const batchId = uuidv7(ctx.now.getTime());
  const rows = raw.map((r) => {
    const cat =
      r.category.trim() === '' ? null : resolveCategoryCode(r.category, rt.settings.categories, rt.settings.allAliases);
    if (r.category.trim() === '') errors.push({ row: r.row, code: 'EMPTY_CATEGORY', detail: '' });
    else if (cat === null) errors.push({ row: r.row, code: 'UNKNOWN_CATEGORY', detail: r.category.slice(0, 40) });
    if (r.name.trim() === '') errors.push({ row: r.row, code: 'MISSING_NAME', detail: '' });
    let lon = NaN,
      lat = NaN;
    if (!validLonLat(r.lon, r.lat)) errors.push({ row: r.row, code: 'BAD_COORDINATES', detail: `${r.lon},${r.lat}` });
    else {
      [lon, lat] = toWgs84(r.lon, r.lat, crs);
      const hit = sc.engine.snapIndex.snap(lon, lat, Infinity);
      if (hit === null || hit.access > rt.settings.maxSnapM)
        errors.push({ row: r.row, code: 'FAR_FROM_PATH', detail: hit === null ? '∞' : `${Math.round(hit.access)} m` });
    }
    return {
      id: uuidv7(ctx.now.getTime()),
      category: cat ?? '',
      name: r.name.trim(),
      lon: Math.round(lon * 1e7) / 1e7,
      lat: Math.round(lat * 1e7) / 1e7,
      source: `import:${format}`,
      batchId,
    };
  });
  if (errors.length)
    throw new AppError('IMPORT_FAILED', { params: { count: new Set(errors.map((e) => e.row)).size }, details: errors });
  const replaced = await ctx.db.transaction().execute(async (trx) => {
    const n = await repo.replaceImportedFacilities(trx, code, rows);
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      {
        action: 'circle.facilities.import',
        entity: 'circle_facilities',
        entityId: batchId,
        scopeCode: code,
        after: { rows: rows.length, format, crs },
        ip: ctx.ip,
      },
    );
    return n;
  });
  return { imported: rows.length, replaced, batchId, crs };
}
