/**
 * Live streams (直播带货): sessions with their product line-up, the live board (orders and revenue as they
 * arrive), per-platform column mappings, and the all-or-nothing import of a platform's order export.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { decodeCsvBytes, parseCsv } from '../../../../shared/csv.ts';
import { shanghaiDate } from '../../../../shared/time.ts';
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertStorable } from '../../../platform/http/inputGuard.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { DEFAULT_MAPPINGS, ROW_PROBLEMS, readOrders, type ImportMapping } from '../domain/orderImport.ts';
import type { ShopModule, Who } from '../module.ts';
import * as catalogue from '../repository/catalogue.ts';
import * as repo from '../repository/live.ts';
import * as settleRepo from '../repository/settlement.ts';
import type { Platform } from '../schema.ts';
import { actorFor, assertObject, auditActor, communityFor } from './common.ts';
import { bookImported } from './liveBook.ts';

/** A session as planned. */
export interface SessionInput {
  community?: string | undefined;
  title: string;
  host: string;
  platform: Platform;
  startsAt: Date;
  endsAt: Date;
  lineup: string[];
}

const presentSession = (s: repo.SessionRow) => ({
  id: s.id,
  title: s.title,
  host: s.host,
  platform: s.platform,
  startsAt: new Date(s.starts_at).toISOString(),
  endsAt: new Date(s.ends_at).toISOString(),
  lineup: s.lineup,
});

export async function createSession(m: ShopModule, who: Who, i: SessionInput) {
  const a = actorFor(who, 'shop.sell');
  const community = communityFor(who, 'shop.sell', i.community);
  if (i.endsAt <= i.startsAt) throw new AppError('VALIDATION_FAILED', { params: { detail: 'endsAt ≤ startsAt' } });
  const known = await catalogue.productsByIds(m.db, community, [...new Set(i.lineup)]);
  const missing = i.lineup.find((id) => !known.some((p) => p.id === id));
  if (missing) throw new AppError('SHOP_UNKNOWN_PRODUCT', { params: { id: missing } });
  return m.db.transaction().execute(async (trx) => {
    const s = await repo.insertSession(trx, {
      id: uuidv7(m.clock().getTime()),
      community_code: community,
      title: i.title,
      host: i.host,
      platform: i.platform,
      starts_at: i.startsAt,
      ends_at: i.endsAt,
      lineup: JSON.stringify([...new Set(i.lineup)]),
    });
    await audit(trx, auditActor(a), {
      action: 'create',
      entity: 'shop_live_session',
      entityId: s.id,
      scopeCode: community,
      after: s,
      ip: who.ip,
    });
    return presentSession(s);
  });
}

export async function sessions(m: ShopModule, who: Who, community?: string) {
  return (await repo.listSessions(m.db, communityFor(who, 'shop.read', community))).map(presentSession);
}

/** The live board of one session. */
export async function board(m: ShopModule, who: Who, id: string) {
  const s = assertObject(who, 'shop.read', await repo.getSession(m.db, id));
  const b = await repo.board(m.db, id, 30);
  return {
    session: presentSession(s),
    orders: Number(b.totals.n),
    revenueFen: Number(b.totals.revenue),
    refundedFen: Number(b.totals.refunded),
    byProduct: b.byProduct.map((p) => ({
      productId: p.product_id,
      name: p.name,
      qty: Number(p.qty),
      revenueFen: Number(p.revenue),
    })),
    latest: b.orders.map((o) => ({
      saleId: o.id,
      platformOrderId: o.platform_order_id,
      soldAt: new Date(o.sold_at).toISOString(),
      totalFen: Number(o.total_fen),
      name: o.name,
      qty: o.qty,
    })),
  };
}

/** The mapping in force for a platform: the saved one, else the built-in one. */
async function mappingOf(m: ShopModule, community: string, platform: Platform): Promise<ImportMapping> {
  const saved = await repo.getMapping(m.db, community, platform);
  return saved ? (saved.mapping as unknown as ImportMapping) : DEFAULT_MAPPINGS[platform]!;
}

export async function mappings(m: ShopModule, who: Who, community?: string) {
  const code = communityFor(who, 'shop.read', community);
  const platforms = Object.keys(DEFAULT_MAPPINGS) as Platform[];
  const saved = new Map((await repo.listMappings(m.db, code)).map((r) => [r.platform, r.mapping]));
  return platforms.map((p) => ({
    platform: p,
    saved: saved.has(p),
    mapping: (saved.get(p) as unknown as ImportMapping | undefined) ?? DEFAULT_MAPPINGS[p]!,
  }));
}

export async function saveMapping(m: ShopModule, who: Who, platform: Platform, map: ImportMapping, c?: string) {
  const a = actorFor(who, 'shop.manage');
  const community = communityFor(who, 'shop.manage', c);
  await m.db.transaction().execute(async (trx) => {
    await repo.putMapping(trx, community, platform, map, m.clock());
    await audit(trx, auditActor(a), {
      action: 'update',
      entity: 'shop_import_mapping',
      entityId: null,
      scopeCode: community,
      after: { platform, map },
      ip: who.ip,
    });
  });
  return { platform, saved: true, mapping: map };
}

/** Reads an uploaded export (CSV in UTF-8 or GBK, or xlsx) into rows of text; BAD_FILE when unreadable. */
export async function fileRows(buf: Buffer, name: string): Promise<{ rows: string[][]; encoding: string }> {
  const isXlsx = buf[0] === 0x50 && buf[1] === 0x4b; // a zip: xlsx, whatever the file is called
  try {
    if (!isXlsx) {
      const d = decodeCsvBytes(buf);
      return { rows: parseCsv(d.text), encoding: d.encoding };
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value;
        // exceljs gives a date cell as the wall-clock time written in UTC fields
        cells.push(v instanceof Date ? v.toISOString().slice(0, 19).replace('T', ' ') : (row.getCell(c).text ?? ''));
      }
      rows[n - 1] = cells;
    });
    return { rows: Array.from(rows, (r) => r ?? []), encoding: 'xlsx' };
  } catch (e) {
    const reason = e instanceof Error ? e.message.slice(0, 120) : name;
    throw new AppError('BAD_FILE', { params: { reason } });
  }
}

/**
 * Imports a platform export into a session: every row is checked first; any broken row refuses the whole file
 * with per-row errors and writes nothing. Orders already on file (this file twice, overlapping exports) are
 * counted as duplicates and created once — the unique platform order id decides, also between concurrent imports.
 */
export async function importOrders(
  m: ShopModule,
  who: Who,
  sessionId: string,
  read: () => Promise<{ data: Buffer; name: string }>,
) {
  assertObject(who, 'shop.sell', await repo.getSession(m.db, sessionId));
  const file = await read(); // read only once the session is known to be the actor's
  const { rows, encoding } = await fileRows(file.data, file.name);
  const sha = createHash('sha256').update(file.data).digest('hex');
  return importRows(m, who, sessionId, { rows, encoding, sha, name: file.name });
}

/** Imports rows already read from an export file (the demo seed passes its fixture's rows). */
export async function importRows(
  m: ShopModule,
  who: Who,
  sessionId: string,
  file: { rows: string[][]; encoding: string; sha: string; name: string },
) {
  const a = actorFor(who, 'shop.sell');
  const s = assertObject(who, 'shop.sell', await repo.getSession(m.db, sessionId));
  const { rows, encoding, sha } = file;
  assertStorable(rows, 'file');
  const mapping = await mappingOf(m, s.community_code, s.platform);
  const codes = await catalogue.productCodes(m.db, s.community_code);
  const lang = who.lang === 'en' ? 'en' : 'zh';
  const result = await m.db.transaction().execute(async (trx) => {
    await settleRepo.lockCommunity(trx, s.community_code);
    const periods = await settleRepo.settledPeriods(trx, s.community_code);
    const settled = (at: Date) => {
      const d = shanghaiDate(at);
      return periods.some((p) => p.period_from <= d && d <= p.period_to);
    };
    const read = readOrders(rows, mapping, (sku) => codes.get(sku), settled);
    if (read.missingColumns.length)
      throw new AppError('SHOP_IMPORT_COLUMNS', { params: { columns: read.missingColumns.join('、') } });
    const fail = (errors: { row: number; column: string; message: string; value?: string }[]) =>
      new AppError('IMPORT_FAILED', { params: { count: new Set(errors.map((e) => e.row)).size }, details: { errors } });
    if (read.errors.length)
      throw fail(
        read.errors.map((e) => ({
          row: e.row,
          column: e.column,
          value: e.value,
          message: ROW_PROBLEMS[e.problem][lang],
        })),
      );
    const booked = await bookImported(trx, s, read.orders, a.accountId, lang);
    if (booked.errors.length) throw fail(booked.errors);
    const importId = uuidv7(m.clock().getTime());
    const summary = {
      rows: read.orders.length + read.duplicates + read.skipped,
      created: booked.created,
      duplicates: read.duplicates + booked.duplicates,
      skipped: read.skipped,
    };
    await repo.insertImport(trx, {
      id: importId,
      community_code: s.community_code,
      session_id: s.id,
      platform: s.platform,
      file_sha256: sha,
      encoding,
      ...summary,
      actor_id: a.accountId,
      created_at: m.clock(),
    });
    await audit(trx, auditActor(a), {
      action: 'import',
      entity: 'shop_live_session',
      entityId: s.id,
      scopeCode: s.community_code,
      after: { importId, file: file.name.slice(0, 100), sha256: sha, encoding, ...summary },
      ip: who.ip,
    });
    return { importId, encoding, ...summary };
  });
  await m.bus.publish({ topic: 'shop.live', sessionId: s.id, communityCode: s.community_code });
  return result;
}
