import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { generateDemoCommunity } from './demo/generate.ts';
import { fileToRows } from './ledgerService.ts';
import { parseCsv } from '../../../shared/csv.ts';
import { toCsv } from './domain/csv.ts';
import { makeIdNumber } from './domain/idNumber.ts';

const MAN_1949 = makeIdNumber('110105', '1949-12-31', 1);
const MAN_1950 = makeIdNumber('110105', '1950-01-01', 3);

const C = generateDemoCommunity().community.code;
let t: TestApp;
let staff: Session;

function multipart(filename: string, content: Buffer | string, type: string) {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    `Content-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return [payload, { 'content-type': `multipart/form-data; boundary=${boundary}` }] as const;
}
const count = async (table: 'residents' | 'households' | 'audit_log') =>
  Number(
    (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => {
  await t.close();
});

describe('ledger import/export', () => {
  it('downloads the template as xlsx and csv with the office columns', async () => {
    const x = await staff.request('GET', '/api/registry/template.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const rows = await fileToRows(x.rawPayload, 'xlsx');
    expect(rows[0]).toContain('公民身份号码');
    const c = await staff.request('GET', '/api/registry/template.csv');
    expect(parseCsv(c.body)[0]).toEqual(rows[0]);
  });

  it('exports xlsx and csv with the same content, covering every resident', async () => {
    const x = await staff.request('GET', `/api/registry/export.xlsx?community=${C}`);
    const c = await staff.request('GET', `/api/registry/export.csv?community=${C}`);
    const xr = await fileToRows(x.rawPayload, 'xlsx');
    const cr = parseCsv(c.body);
    expect(xr).toEqual(cr);
    // Streamed (chunked), not built in memory first: no length known up front.
    expect(x.headers['content-length']).toBeUndefined();
    expect(c.headers['content-length']).toBeUndefined();
    expect(cr.length - 1).toBeGreaterThanOrEqual(6570);
    expect(cr.slice(1).filter((r) => r[8] !== '').length).toBe(6570);
  });

  it('round-trips: re-importing an export changes nothing; an edited export updates just that row', async () => {
    const rows = parseCsv((await staff.request('GET', `/api/registry/export.csv?community=${C}`)).body);
    const same = await staff.request(
      'POST',
      `/api/registry/import?community=${C}`,
      ...multipart(
        'ledger.xlsx',
        (await staff.request('GET', `/api/registry/export.xlsx?community=${C}`)).rawPayload,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual({ households: { created: 0, updated: 0 }, residents: { created: 0, updated: 0 } });
    const idx = rows.findIndex((r, i) => i > 0 && r[13] !== '');
    rows[idx]![13] = '13999990000';
    const changed = await staff.request(
      'POST',
      `/api/registry/import?community=${C}`,
      ...multipart('ledger.csv', toCsv(rows), 'text/csv'),
    );
    expect(changed.json()).toEqual({ households: { created: 0, updated: 0 }, residents: { created: 0, updated: 1 } });
    const again = parseCsv((await staff.request('GET', `/api/registry/export.csv?community=${C}`)).body);
    expect(again).toEqual(rows);
  });

  it('refuses a file with bad rows as a whole, listing each row, and writes nothing', async () => {
    const rows = parseCsv((await staff.request('GET', '/api/registry/template.csv')).body);
    const header = rows[0]!;
    const good = [
      '',
      '东湖小区1号楼',
      '9',
      '999',
      '70',
      '不动产登记',
      '赵六',
      '',
      '赵六',
      '男',
      MAN_1949,
      '',
      '户主',
      '13800000001',
      '',
    ];
    const badId = [...good];
    badId[10] = '110105194912310021';
    badId[8] = '钱七';
    const badBuilding = [...good];
    badBuilding[1] = '不存在的楼';
    badBuilding[10] = '';
    const badPhone = [...good];
    badPhone[13] = '12345';
    badPhone[10] = MAN_1950;
    const before = { r: await count('residents'), h: await count('households'), a: await count('audit_log') };
    const r = await staff.request(
      'POST',
      `/api/registry/import?community=${C}&lang=en`,
      toCsv([header, good, badId, badBuilding, badPhone]),
      { 'content-type': 'text/csv' },
    );
    expect(r.statusCode).toBe(400);
    const err = r.json().error;
    expect(err.code).toBe('IMPORT_FAILED');
    expect(err.message).toContain('3 rows');
    const byRow = (n: number) =>
      err.details.filter((d: { row: number }) => d.row === n).map((d: { code: string }) => d.code);
    expect(byRow(3)).toContain('bad_id_number');
    expect(byRow(4)).toContain('unknown_building');
    expect(byRow(5)).toContain('bad_value');
    expect(err.details[0].message).toMatch(/^Row \d/);
    expect({ r: await count('residents'), h: await count('households'), a: await count('audit_log') }).toEqual(before);
  });

  it('imports new households and residents all at once', async () => {
    const header = parseCsv((await staff.request('GET', '/api/registry/template.csv')).body)[0]!;
    const rows = [
      header,
      [
        '',
        '东湖小区1号楼',
        '9',
        '901',
        '88.5',
        '不动产登记',
        '孙八',
        '',
        '孙八',
        '男',
        MAN_1949,
        '1949-12-31',
        '户主',
        '13800000002',
        '党员、独居老人',
      ],
      ['', '东湖小区1号楼', '9', '902', '60', '测绘', '周九', '', '', '', '', '', '', '', ''],
    ];
    const r = await staff.request(
      'POST',
      `/api/registry/import?community=${C}`,
      ...multipart('new.csv', toCsv(rows), 'text/csv'),
    );
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ households: { created: 2, updated: 0 }, residents: { created: 1, updated: 0 } });
    const found = (await staff.request('GET', `/api/residents?q=孙八`)).json().items[0];
    expect(found).toMatchObject({ name: '孙八', tags: ['党员', '独居老人'], birthDate: '1949-12-31' });
  });

  it('reads a CSV saved by Chinese Excel (GBK, no BOM) without mojibake, and refuses NUL in a cell', async () => {
    const header = parseCsv((await staff.request('GET', '/api/registry/template.csv')).body)[0]!;
    const woman = makeIdNumber('110105', '1980-05-05', 2);
    const row = [
      '',
      '东湖小区1号楼',
      '9',
      '903',
      '70',
      '测绘',
      '钱十一',
      '',
      '钱十一',
      '女',
      woman,
      '1980-05-05',
      '户主',
      '',
      '',
    ];
    const gbk = iconv.encode(toCsv([header, row]).slice(1), 'gbk'); // Excel's "CSV" in the ANSI code page
    expect(gbk.includes(Buffer.from('钱十一'))).toBe(false); // really not UTF-8
    const r = await staff.request(
      'POST',
      `/api/registry/import?community=${C}`,
      ...multipart('gbk.csv', gbk, 'text/csv'),
    );
    expect(r.statusCode, r.body).toBe(200);
    const found = (await staff.request('GET', '/api/residents?q=钱十一')).json().items;
    expect(found.map((x: { name: string }) => x.name)).toEqual(['钱十一']);
    const nul = toCsv([header, ['', '东湖小区1号楼', '9', '904', '70', '测绘', 'a\u0000b', '女']]);
    const n = await staff.request(
      'POST',
      `/api/registry/import?community=${C}`,
      ...multipart('n.csv', nul, 'text/csv'),
    );
    expect(n.statusCode).toBe(400);
    expect(n.json().error.code).toBe('INVALID_TEXT');
  });

  it('refuses unreadable files and other formats with a clear 4xx', async () => {
    const junk = await staff.request(
      'POST',
      `/api/registry/import?community=${C}`,
      ...multipart(
        'x.xlsx',
        Buffer.from('not a zip'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('BAD_FILE');
    const pdf = await staff.request(
      'POST',
      `/api/registry/import?community=${C}`,
      ...multipart('x.pdf', Buffer.from('%PDF'), 'application/pdf'),
    );
    expect(pdf.statusCode).toBe(415);
    const worker = await login(t.app, 'grid01');
    expect(
      (await worker.request('POST', `/api/registry/import?community=${C}`, 'a,b\n', { 'content-type': 'text/csv' }))
        .statusCode,
    ).toBe(403);
  });
});
