/**
 * The ledger export as a stream: households are read in keyset batches (with their residents), turned into
 * ledger rows and written out as they come — CSV text or an xlsx built by exceljs' streaming WorkbookWriter —
 * so memory stays flat however large the community, and nothing is cut.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { auditRead } from '../../platform/audit.ts';
import { authorize, type Ctx } from './service.ts';
import { LEDGER_COLUMNS, writeLedger } from './domain/ledger.ts';
import { toCsv } from './domain/csv.ts';
import {
  countInCommunity,
  householdBatch,
  residentsOfHouseholds,
  type HouseholdKey,
} from './repository/ledgerExport.ts';

/** A ledger file format. */
export type LedgerFormat = 'xlsx' | 'csv';

/** Households per batch (their residents are read with them). */
const BATCH = 500;

/**
 * The ledger rows of a community in batches, header first, ordered by building, unit, room (then id), residents
 * by birth date. The export permission is checked before the header is yielded.
 */
export async function* ledgerRows(ctx: Ctx, communityCode: string, batch = BATCH): AsyncGenerator<string[][]> {
  authorize(ctx.actor, 'registry.export', { code: communityCode });
  // The export holds every resident's ID number and phone in clear: recorded as a read (who, where, how many).
  const [households, residents] = await Promise.all([
    countInCommunity(ctx.db, 'households', communityCode),
    countInCommunity(ctx.db, 'residents', communityCode),
  ]);
  await auditRead(ctx.db, ctx.actor, {
    entity: 'ledger',
    scopeCode: communityCode,
    rows: residents,
    query: { households },
    ip: ctx.ip,
  });
  yield [[...LEDGER_COLUMNS]];
  let after: HouseholdKey | null = null;
  for (;;) {
    const hs = await householdBatch(ctx.db, communityCode, after, batch);
    if (hs.length === 0) return;
    const rs = await residentsOfHouseholds(
      ctx.db,
      hs.map((h) => h.id),
    );
    const byH = new Map<string, typeof rs>();
    for (const r of rs) byH.set(r.household_id, [...(byH.get(r.household_id) ?? []), r]);
    const rows = writeLedger(
      hs.map((h) => ({
        gridCode: h.grid_code ?? '',
        buildingName: h.building_name,
        unit: h.unit,
        room: h.room,
        areaCentiM2: h.area_centi_m2,
        areaSource: h.area_source,
        ownerName: h.owner_name,
        ownerKey: h.owner_key,
        residents: (byH.get(h.id) ?? []).map((r) => ({
          name: r.name,
          gender: r.gender,
          idNumber: r.id_number ?? '',
          birthDate: r.birth_date,
          relation: r.relation,
          phone: r.phone,
          tags: r.tags,
        })),
      })),
    );
    yield rows.slice(1); // writeLedger starts every batch with the header
    const last = hs[hs.length - 1]!;
    after = [last.building_name, last.unit, last.room, last.id];
    if (hs.length < batch) return;
  }
}

/** Writes row batches as a file stream of the given format (CSV: BOM once, CRLF; xlsx: text cells). */
export function ledgerStream(batches: AsyncIterable<string[][]>, format: LedgerFormat): Readable {
  if (format === 'csv')
    return Readable.from(
      (async function* () {
        let first = true;
        for await (const rows of batches) {
          if (!rows.length) continue;
          const text = toCsv(rows);
          yield Buffer.from(first ? text : text.slice(1), 'utf8'); // toCsv starts with a BOM: keep only the first
          first = false;
        }
      })(),
    );
  const out = new PassThrough();
  (async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('台账');
    ws.columns = LEDGER_COLUMNS.map((h) => ({ key: h, width: h === '公民身份号码' ? 22 : 12, style: { numFmt: '@' } }));
    let header = true;
    for await (const rows of batches)
      for (const r of rows) {
        const row = ws.addRow(r);
        if (header) row.font = { bold: true };
        header = false;
        row.commit();
      }
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/**
 * Starts an export: runs the permission check (and the first query) before any byte is sent, so a refusal is
 * an ordinary error answer; returns the batches to stream.
 */
export async function openLedgerExport(ctx: Ctx, communityCode: string): Promise<AsyncIterable<string[][]>> {
  const it = ledgerRows(ctx, communityCode);
  const first = await it.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* it;
  })();
}
