/**
 * Import and export of the household/resident ledger (xlsx or CSV). An import validates every row first and
 * then writes everything in one transaction, or nothing at all with the per-row error report.
 */
import ExcelJS from 'exceljs';
import type { Selectable } from 'kysely';
import type { ResidentsTable } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { maskIdNumber } from '../../../shared/mask.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { can } from './permissions.ts';
import { authorize, type Ctx } from './service.ts';
import { householdKey, LEDGER_COLUMNS, readLedger, type RowError } from './domain/ledger.ts';
import { ledgerRows } from './ledgerExport.ts';
import { decodeCsvBytes, parseCsv } from '../../../shared/csv.ts';
import { toCsv } from './domain/csv.ts';
import { assertStorable } from '../../platform/http/inputGuard.ts';
import { shanghaiDate } from './domain/age.ts';
import { rowErrorMessage } from './ledgerMessages.ts';
import * as ledgerRepo from './repository/ledgerImport.ts';

/** A ledger file format. */
export type { LedgerFormat } from './ledgerExport.ts';
import type { LedgerFormat } from './ledgerExport.ts';

/** Reads an uploaded file into rows of text cells; a file that cannot be read is BAD_FILE. */
export async function fileToRows(buf: Buffer, format: LedgerFormat): Promise<string[][]> {
  const rows = await readRows(buf, format);
  assertStorable(rows, 'file'); // a NUL in a cell would otherwise fail deep in the database
  return rows;
}

async function readRows(buf: Buffer, format: LedgerFormat): Promise<string[][]> {
  try {
    if (format === 'csv') return parseCsv(decodeCsvBytes(buf).text);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= LEDGER_COLUMNS.length; c++) cells.push(row.getCell(c).text ?? '');
      rows[n - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  } catch (e) {
    throw new AppError('BAD_FILE', { params: { reason: e instanceof Error ? e.message.slice(0, 120) : 'unreadable' } });
  }
}

/** Serialises rows as a file of the given format. */
export async function rowsToFile(rows: string[][], format: LedgerFormat): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv(rows), 'utf8');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.columns = LEDGER_COLUMNS.map((h) => ({
    header: h,
    width: h === '公民身份号码' ? 22 : 12,
    style: { numFmt: '@' },
  }));
  for (const r of rows.slice(1)) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The empty template with one illustrative (fictitious) row. */
export function templateRows(): string[][] {
  return [
    [...LEDGER_COLUMNS],
    [
      '62070200400101',
      '东湖小区1号楼',
      '1',
      '101',
      '86.50',
      '不动产登记',
      '张三',
      '张三',
      '张三',
      '男',
      '620702196001010017',
      '1960-01-01',
      '户主',
      '13800000000',
      '党员',
    ],
  ];
}

/** Imports a ledger into a community: all rows or none. */
export async function importLedger(ctx: Ctx, communityCode: string, rows: string[][]) {
  authorize(ctx.actor, 'registry.import', { code: communityCode });
  const today = shanghaiDate(ctx.now);
  const buildingRows = await ledgerRepo.buildingsForImport(ctx.db, communityCode);
  const buildings = new Map(buildingRows.map((b) => [b.name, { gridCode: b.grid_code, id: b.id }]));
  const parsed = readLedger(rows, {
    buildings,
    today,
    mayWrite: (g) => can(ctx.actor, 'household.write', { code: g }),
  });
  if (!parsed.ok) throw importFailed(ctx, parsed.errors);
  return ctx.db.transaction().execute(async (trx) => {
    const existingH = await ledgerRepo.householdsWithBuilding(trx, communityCode);
    const byKey = new Map(existingH.map((h) => [householdKey(h.building_name, h.unit, h.room), h]));
    const idOf = new Map<string, string>();
    const counts = { households: { created: 0, updated: 0 }, residents: { created: 0, updated: 0 } };
    const audits: Parameters<typeof audit>[2] = [];
    for (const [key, h] of parsed.households) {
      const old = byKey.get(key);
      const fields = {
        area_centi_m2: h.areaCentiM2,
        area_source: h.areaSource,
        owner_name: h.ownerName,
        owner_key: h.ownerKey,
      };
      if (old) {
        idOf.set(key, old.id);
        if (
          old.area_centi_m2 === h.areaCentiM2 &&
          old.area_source === h.areaSource &&
          old.owner_name === h.ownerName &&
          old.owner_key === h.ownerKey
        )
          continue;
        const after = await ledgerRepo
          .updateHouseholdAt(trx, old.id, old.version, { ...fields, updated_at: ctx.now, version: old.version + 1 })
          .then(unchanged);
        counts.households.updated++;
        audits.push({
          action: 'import_update',
          entity: 'household',
          entityId: old.id,
          scopeCode: old.grid_code ?? communityCode,
          before: old,
          after,
          ip: ctx.ip,
        });
      } else {
        const id = uuidv7(ctx.now.getTime());
        idOf.set(key, id);
        const after = await ledgerRepo.insertHouseholdRow(trx, {
          id,
          community_code: communityCode,
          grid_code: h.gridCode || null,
          building_id: buildings.get(h.buildingName)!.id,
          unit: h.unit,
          room: h.room,
          ...fields,
        });
        counts.households.created++;
        audits.push({
          action: 'import_create',
          entity: 'household',
          entityId: id,
          scopeCode: h.gridCode || communityCode,
          after,
          ip: ctx.ip,
        });
      }
    }
    const ids = parsed.residents.map((r) => r.idNumber);
    const existingR = ids.length ? await ledgerRepo.residentsByIdNumbers(trx, ids) : [];
    const byId = new Map(existingR.map((r) => [r.id_number!, r]));
    const outside = existingR.filter((r) => !r.community_code.startsWith(communityCode));
    if (outside.length)
      throw importFailed(
        ctx,
        outside.map((r) => ({
          row: 0,
          column: '公民身份号码' as const,
          // Same words as a single add's DUPLICATE_ID_NUMBER, and the number masked: the answer must not say
          // that (or where) the person is registered outside the importer's community.
          code: 'id_registered' as const,
          detail: maskIdNumber(r.id_number),
        })),
      );
    for (const r of parsed.residents) {
      const householdId = idOf.get(r.householdKey)!;
      const h = parsed.households.get(r.householdKey)!;
      const values = {
        household_id: householdId,
        grid_code: h.gridCode || null,
        name: r.name,
        gender: r.gender,
        phone: r.phone,
        birth_date: r.birthDate,
        relation: r.relation,
      };
      const old = byId.get(r.idNumber);
      if (old) {
        if (same(old, values, r.tags)) continue;
        const after = await ledgerRepo
          .updateResidentAt(trx, old.id, old.version, {
            ...values,
            tags: JSON.stringify(r.tags),
            updated_at: ctx.now,
            version: old.version + 1,
          })
          .then(unchanged);
        counts.residents.updated++;
        audits.push({
          action: 'import_update',
          entity: 'resident',
          entityId: old.id,
          scopeCode: after.grid_code ?? communityCode,
          before: old,
          after,
          ip: ctx.ip,
        });
      } else {
        const id = uuidv7(ctx.now.getTime());
        const after = await ledgerRepo.insertResidentRow(trx, {
          id,
          community_code: communityCode,
          id_number: r.idNumber,
          ...values,
          tags: JSON.stringify(r.tags),
        });
        counts.residents.created++;
        audits.push({
          action: 'import_create',
          entity: 'resident',
          entityId: id,
          scopeCode: after.grid_code ?? communityCode,
          after,
          ip: ctx.ip,
        });
      }
    }
    await audit(trx, { accountId: ctx.actor.accountId, role: ctx.actor.role }, audits);
    return counts;
  });
}

/**
 * The row an optimistic update wrote, or CONFLICT (and the whole import rolls back) when someone else changed or
 * removed the row between the import's read and its write: their edit is never silently overwritten.
 */
function unchanged<T>(row: T | undefined): T {
  if (!row) throw new AppError('CONFLICT');
  return row;
}

function same(
  old: Selectable<ResidentsTable>,
  v: { household_id: string; name: string; gender: string; phone: string | null; birth_date: string; relation: string },
  tags: string[],
): boolean {
  return (
    old.household_id === v.household_id &&
    old.name === v.name &&
    old.gender === v.gender &&
    old.phone === v.phone &&
    old.birth_date === v.birth_date &&
    old.relation === v.relation &&
    JSON.stringify(old.tags) === JSON.stringify(tags)
  );
}

function importFailed(ctx: Ctx, errors: RowError[]): AppError {
  return new AppError('IMPORT_FAILED', {
    params: { count: new Set(errors.map((e) => e.row)).size },
    details: errors
      .slice(0, 1000)
      .map((e) => ({ row: e.row, column: e.column, code: e.code, message: rowErrorMessage(e, ctx.lang) })),
  });
}

/** Exports a community's ledger rows (header first), ordered by building, unit, room (the CLI; HTTP streams). */
export async function exportLedger(ctx: Ctx, communityCode: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of ledgerRows(ctx, communityCode)) rows.push(...batch);
  return rows;
}
