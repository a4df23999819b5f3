import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { backup, restore } from '../../platform/backup.ts';
import { writeFixturePbf } from './osm/pbf-writer.ts';

const CODE = '620702004006';
let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => {
  await t.close();
});

describe('stored networks and facilities', () => {
  it('imports facilities from xlsx (Chinese headers and categories); network kept through backup/restore', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('设施');
    ws.addRow(['类别', '名称', '经度', '纬度']);
    ws.addRow(['托儿所', '东湖托育园', 100.4515, 38.942]);
    ws.addRow(['日间照料中心', '东湖第二日间照料中心', 100.4535, 38.9415]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await staff.request('POST', `/api/circle/${CODE}/facilities?format=xlsx`, xlsx, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().imported).toBe(2);
    const rows = await t.handle.db
      .selectFrom('circle_facilities')
      .select(['category', 'name'])
      .orderBy('name')
      .execute();
    expect(rows.map((x) => x.category).sort()).toEqual(['elderly_day_care', 'nursery']);

    const pbf = writeFixturePbf(
      [
        { id: 1, lon: 7.42, lat: 43.73 },
        { id: 2, lon: 7.424, lat: 43.73 },
        { id: 3, lon: 7.424, lat: 43.733 },
      ],
      [{ id: 10, refs: [1, 2, 3], tags: { highway: 'footway' } }],
    );
    const n = await staff.request('POST', `/api/circle/${CODE}/networks?name=tiny`, Buffer.from(pbf), {
      'content-type': 'application/octet-stream',
    });
    expect(n.statusCode, n.body).toBe(201);
    const before = await t.handle.db.selectFrom('circle_networks').select(['bundle']).executeTakeFirstOrThrow();
    const file = join(mkdtempSync(join(tmpdir(), 'linli-circle-')), 'b.gz');
    await backup(t.handle.db, file);
    const target = await freshDb();
    try {
      await restore(target.db, file);
      const after = await target.db.selectFrom('circle_networks').select(['bundle', 'name']).executeTakeFirstOrThrow();
      expect(after.name).toBe('tiny');
      expect(Buffer.from(after.bundle).equals(Buffer.from(before.bundle))).toBe(true);
      expect((await target.db.selectFrom('circle_facilities').selectAll().execute()).length).toBe(2);
    } finally {
      await target.close();
    }
    const area = await staff.request('GET', `/api/circle/${CODE}/area?network=tiny&lon=7.422&lat=43.7301&minutes=2`);
    expect(area.statusCode, area.body).toBe(200);
    expect(area.json().network.attribution).toBe('© OpenStreetMap contributors');
  });
});
