/** Concurrency, escalation scheduler, SSE push, photos, floods and one-press help, through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import sharp from 'sharp';
import { buildApp } from '../../app.ts';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { COMMUNITY, SILU_GRID, SILU_POINT } from './testing/demo.ts';
import { multipart } from './testing/multipart.ts';

let t: TestApp;
let resident: Session, worker: Session, staff: Session, elder: Session;
const HOUR = 3_600_000;
const newCase = async (s: Session, body: Record<string, unknown> = {}) => {
  const r = await s.request('POST', '/api/cases', {
    categoryCode: 'X01',
    description: '下水管道堵塞',
    location: SILU_POINT,
    ...body,
  });
  if (r.statusCode !== 201) throw new Error(r.body);
  return r.json().case as { id: string; no: string; status: string; level: string; version: number };
};

beforeAll(async () => {
  t = await testApp();
  [resident, worker, staff, elder] = await Promise.all([
    login(t.app, 'resident_silu'),
    login(t.app, SILU_GRID.worker.username),
    login(t.app, 'dh_staff'),
    login(t.app, 'resident_elder'),
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('two workers acting at once', () => {
  it('exactly one accept wins; the other gets a clear 409', async () => {
    const c = await newCase(resident);
    const rs = await Promise.all([
      worker.request('POST', `/api/cases/${c.id}/actions`, { action: 'accept' }),
      staff.request('POST', `/api/cases/${c.id}/actions`, { action: 'accept' }),
    ]);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = rs.find((r) => r.statusCode === 409)!.json().error.code;
    expect(['CASE_ILLEGAL_TRANSITION', 'CONFLICT']).toContain(loser);
    const accepts = await t.handle.db
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', c.id)
      .where('type', '=', 'accept')
      .execute();
    expect(accepts).toHaveLength(1);
  });

  it('a stale version is refused with CONFLICT', async () => {
    const c = await newCase(resident);
    await worker.request('POST', `/api/cases/${c.id}/notes`, { note: '到场' });
    const r = await worker.request('POST', `/api/cases/${c.id}/actions`, { action: 'accept', version: c.version });
    expect(r.json().error.code).toBe('CONFLICT');
  });
});

describe('escalation scheduler', () => {
  it('escalates an overdue case once per deadline, across restarts and two schedulers', async () => {
    const c = await newCase(resident, { categoryCode: 'X02', description: '楼道灯不亮' });
    expect(await t.app.cases.tick()).toBe(0);
    t.clock.advance(26 * HOUR); // past the 1-working-hour accept-by, whatever the weekday
    const other = await buildApp({
      db: t.handle.db,
      engine: t.handle.engine,
      config: t.config,
      clock: t.clock.now,
      casesOptions: { schedulerIntervalMs: 0 },
    });
    await other.ready();
    const escalations = async () =>
      (await t.handle.db.selectFrom('case_events').select('case_id').where('type', '=', 'escalate').execute()).map(
        (e) => e.case_id,
      );
    const before = (await escalations()).length;
    const [a, b] = await Promise.all([t.app.cases.tick(), other.cases.tick()]);
    const after = await escalations();
    const row = await t.handle.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      level: 'community',
      handler_code: COMMUNITY,
      escalation_count: 1,
      status: 'dispatched',
    });
    // Exactly once: this case has one escalation, and the two passes together report exactly the rows written.
    expect(after.filter((id) => id === c.id)).toHaveLength(1);
    expect(a + b).toBe(after.length - before);
    expect(await other.cases.tick()).toBe(0);
    await other.close();
    t.clock.advance(72 * HOUR);
    await t.app.cases.tick();
    const up = await t.handle.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(up).toMatchObject({ level: 'street', escalation_count: 2 });
    const ev = await t.handle.db
      .selectFrom('case_events')
      .select(['type', 'actor_role'])
      .where('case_id', '=', c.id)
      .where('type', '=', 'escalate')
      .execute();
    expect(ev).toEqual([
      { type: 'escalate', actor_role: 'system' },
      { type: 'escalate', actor_role: 'system' },
    ]);
  });
});

describe('live push over SSE', () => {
  it('a new case reaches the grid worker’s open stream within a second', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const got = new Promise<{ data: { id: string; no: string; handlerCode: string }; ms: number }>(
      (resolve, reject) => {
        const req = http.get(`${address}/api/cases/stream`, { headers: { cookie: worker.cookie } }, (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let buf = '';
          res.on('data', (chunk: Buffer) => {
            buf += chunk.toString();
            const m = /event: case\ndata: (.+)\n\n/.exec(buf);
            if (m) {
              resolve({ data: JSON.parse(m[1]!), ms: Date.now() - sent });
              req.destroy();
            }
          });
        });
        req.on('error', reject);
      },
    );
    await new Promise((r) => setTimeout(r, 100));
    const sent = Date.now();
    const c = await newCase(resident, { categoryCode: 'X04', description: '邻里纠纷' });
    const { data, ms } = await got;
    expect(data).toMatchObject({ id: c.id, no: c.no, handlerCode: SILU_GRID.code, type: 'create' });
    expect(ms).toBeLessThan(1000);
  });
});

describe('photos and floods', () => {
  it('re-encodes photos, takes the location from EXIF GPS and strips EXIF', async () => {
    const [lon, lat] = [SILU_POINT.lon, SILU_POINT.lat];
    const dms = (v: number) => {
      const d = Math.floor(v),
        m = Math.floor((v - d) * 60),
        s = Math.round(((v - d) * 60 - m) * 60 * 1000);
      return `${d}/1 ${m}/1 ${s}/1000`;
    };
    const img = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: dms(lat), GPSLongitudeRef: 'E', GPSLongitude: dms(lon) } })
      .toBuffer();
    const mp = multipart({ categoryCode: 'E0101', description: '垃圾堆积' }, [
      { name: 'a.jpg', type: 'image/jpeg', body: img },
    ]);
    const r = await resident.request('POST', '/api/cases', mp.payload, mp.headers);
    expect(r.statusCode).toBe(201);
    const c = r.json().case;
    expect(c.location[0]).toBeCloseTo(lon, 4);
    expect(c.gridCode).toBe(SILU_GRID.code);
    const p = await resident.request('GET', c.photos[0].url);
    const meta = await sharp(p.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBe(1600);
    expect(meta.exif).toBeUndefined();
  });

  it('refuses non-images, oversize photos and more than 6, creating nothing', async () => {
    const before = (await t.handle.db.selectFrom('cases').select('id').execute()).length;
    const body = { categoryCode: 'X01', description: 'x', location: SILU_POINT };
    const notImg = multipart(body, [
      { name: 'evil.jpg', type: 'image/jpeg', body: Buffer.from('%PDF-1.4 not an image') },
    ]);
    expect((await resident.request('POST', '/api/cases', notImg.payload, notImg.headers)).json().error.code).toBe(
      'PHOTO_NOT_IMAGE',
    );
    const big = multipart(body, [{ name: 'big.jpg', type: 'image/jpeg', body: Buffer.alloc(9 * 1024 * 1024, 1) }]);
    const rb = await resident.request('POST', '/api/cases', big.payload, big.headers);
    expect(rb.statusCode).toBe(413);
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const seven = multipart(
      body,
      Array.from({ length: 7 }, (_, i) => ({ name: `${i}.png`, type: 'image/png', body: tiny })),
    );
    expect((await resident.request('POST', '/api/cases', seven.payload, seven.headers)).json().error.code).toBe(
      'CASE_TOO_MANY_PHOTOS',
    );
    expect((await t.handle.db.selectFrom('cases').select('id').execute()).length).toBe(before);
  });

  it('a flood from one account is stopped with a clear 429 and nothing is lost', async () => {
    const opts = t.app.cases.module.opts as { ratePerAccount: number };
    opts.ratePerAccount = 3;
    const s = await login(t.app, 'grid05');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (
          await s.request('POST', '/api/cases', {
            categoryCode: 'E0103',
            description: `道路不洁 ${i}`,
            location: SILU_POINT,
          })
        ).statusCode,
      );
    expect(codes).toEqual([201, 201, 201, 429, 429]);
    const r = await s.request('POST', '/api/cases?lang=en', {
      categoryCode: 'E0103',
      description: 'y',
      location: SILU_POINT,
    });
    expect(r.json().error.message).toMatch(/try again in \d+ s/);
    expect(
      (await t.handle.db.selectFrom('cases').select('id').where('category_code', '=', 'E0103').execute()).length,
    ).toBe(3);
    opts.ratePerAccount = 20;
  });
});

describe('one-press help', () => {
  it('opens one urgent 养老求助 case for an elderly resident living alone; others are refused', async () => {
    const a = await elder.request('POST', '/api/cases/help', {});
    expect(a.statusCode).toBe(201);
    expect(a.json().case).toMatchObject({ categoryCode: 'X05', urgent: true });
    expect((await elder.request('POST', '/api/cases/help', {})).json().case.id).toBe(a.json().case.id);
    expect((await resident.request('POST', '/api/cases/help', {})).json().error.code).toBe('CASE_HELP_NOT_ELIGIBLE');
  });
});
