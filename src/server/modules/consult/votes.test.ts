/** Votes through the API on the real database: refusals with their reasons, exactly-once counting, secrecy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { tallyFileText } from './domain/tallyFile.ts';
import { scanJpeg, siluHome, topicAtVote } from './testing/setup.ts';

let t: TestApp;
let staff: Session;
let silu: Session;
let elder: Session;
let home: Awaited<ReturnType<typeof siluHome>>;
let scan: string;
const closesAt = '2026-12-31T00:00:00Z';

beforeAll(async () => {
  t = await testApp();
  home = await siluHome(t.handle.db);
  [staff, silu, elder] = await Promise.all([
    login(t.app, 'dh_staff'),
    login(t.app, 'resident_silu'),
    login(t.app, 'resident_elder'),
  ]);
  scan = await scanJpeg();
}, 120_000);
afterAll(async () => t?.close());

const code = (r: { json(): unknown }) => (r.json() as { error?: { code: string } }).error?.code;

async function openVote(body: Record<string, unknown> = {}) {
  const topic = await topicAtVote(staff, home.community_code, home.buildingId);
  const r = await staff.request('POST', `/api/consult/topics/${topic}/votes`, {
    title: '是否加装电梯',
    kind: 'owners',
    matter: 'major',
    secret: false,
    closesAt,
    declaredTotalArea: home.declared,
    ...body,
  });
  return { topic, r, id: (r.json() as { id: string }).id };
}

describe('consult votes', () => {
  it('refuses an owners’ vote whose registered areas do not add up to the declared total', async () => {
    const { r } = await openVote({ declaredTotalArea: '1.00' });
    expect(r.statusCode).toBe(409);
    expect(code(r)).toBe('CONSULT_AREA_MISMATCH');
    expect((r.json() as { error: { message: string } }).error.message).toContain('1.00');
  });

  it('counts one ballot per owner: online, then neither online again nor on paper; serials are unique', async () => {
    const { id, r } = await openVote();
    expect(r.statusCode, r.body).toBe(201);
    const first = await silu.request('POST', `/api/consult/votes/${id}/ballot`, { choice: 'yes' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await silu.request('POST', `/api/consult/votes/${id}/ballot`, { choice: 'no' });
    expect([again.statusCode, code(again)]).toEqual([409, 'CONSULT_ALREADY_VOTED']);
    const paper = (householdId: string, serial: string) =>
      staff.request('POST', `/api/consult/votes/${id}/paper`, { householdId, serial, choice: 'no', scan });
    const dup = await paper(home.householdId, 'P-001');
    expect([dup.statusCode, code(dup)]).toEqual([409, 'CONSULT_ALREADY_VOTED']);
    expect((dup.json() as { error: { message: string } }).error.message).toContain('线上');
    const neighbour = home.households.find((h) => h.id !== home.householdId)!;
    expect((await paper(neighbour.id, 'P-001')).statusCode).toBe(201);
    const another = home.households.find((h) => h.id !== home.householdId && h.owner_key !== neighbour.owner_key);
    if (another) expect(code(await paper(another.id, 'P-001'))).toBe('CONSULT_SERIAL_USED');
    const out = await paper(home.outside, 'P-002');
    expect([out.statusCode, code(out)]).toEqual([403, 'CONSULT_NOT_IN_SCOPE']);
    const outsider = await elder.request('POST', `/api/consult/votes/${id}/ballot`, { choice: 'yes' });
    expect(outsider.statusCode).toBe(404); // the elder's home is not in this building: the topic is not theirs
    const tally = await staff.request('GET', `/api/consult/votes/${id}/tally`);
    const body = tally.json() as {
      counts: { participants: number; ballots: number };
      result: { thresholds: unknown[] };
    };
    expect(body.counts).toEqual({ participants: 2, ballots: 2 });
    expect(body.result.thresholds).toHaveLength(4);
  });

  it('a closed vote never changes: ballots, a second close and direct SQL are refused', async () => {
    const { id } = await openVote();
    await silu.request('POST', `/api/consult/votes/${id}/ballot`, { choice: 'yes' });
    const closed = await staff.request('POST', `/api/consult/votes/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const result = closed.json() as { quorum: boolean; summary: { participatingOwners: number } };
    expect(result.summary.participatingOwners).toBe(1);
    const late = await staff.request('POST', `/api/consult/votes/${id}/paper`, {
      householdId: home.households.find((h) => h.id !== home.householdId)!.id,
      serial: 'L-1',
      choice: 'no',
      scan,
    });
    expect([late.statusCode, code(late)]).toEqual([409, 'CONSULT_VOTE_CLOSED']);
    expect(code(await staff.request('POST', `/api/consult/votes/${id}/close`))).toBe('CONSULT_VOTE_CLOSED');
    const db = t.handle.db;
    await expect(
      db
        .insertInto('consult_ballots')
        .values({
          id: crypto.randomUUID(),
          vote_id: id,
          community_code: home.community_code,
          voter_key: 'x',
          choice: 'yes',
          weight_area_centi: 100,
          receipt_hash: null,
        })
        .execute(),
    ).rejects.toThrow(/closed/);
    await expect(db.deleteFrom('consult_ballots').where('vote_id', '=', id).execute()).rejects.toThrow(/closed/);
    await expect(
      db.updateTable('consult_votes').set({ title: 'changed' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/closed/);
  });

  it('secret ballots: a receipt, no link from a ballot to its voter, the file reproduces the tally', async () => {
    const { id, topic } = await openVote({ secret: true, matter: 'ordinary' });
    const cast = await silu.request('POST', `/api/consult/votes/${id}/ballot`, { choice: 'no' });
    const receipt = (cast.json() as { receipt: string }).receipt;
    expect(receipt).toMatch(/^[A-Z0-9]{10}$/);
    const others = home.households.filter((h) => h.owner_key !== `owner-${home.householdId}`);
    const seen = new Set<string>();
    for (const [i, h] of others.entries()) {
      if (seen.has(h.owner_key)) continue;
      seen.add(h.owner_key);
      const r = await staff.request('POST', `/api/consult/votes/${id}/paper`, {
        householdId: h.id,
        serial: `S-${i}`,
        choice: 'yes',
        scan,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const rows = await t.handle.db.selectFrom('consult_ballots').selectAll().where('vote_id', '=', id).execute();
    expect(rows.every((b) => b.voter_key === null)).toBe(true);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_id', '=', id)
      .where('action', '=', 'consult.ballot')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('"choice"');
    const check = await silu.request('POST', `/api/consult/votes/${id}/receipt`, { code: receipt.toLowerCase() });
    expect(check.json()).toEqual({ choice: 'no' });
    expect((await silu.request('POST', `/api/consult/votes/${id}/receipt`, { code: 'WRONGCODE1' })).statusCode).toBe(
      404,
    );
    const closed = (await staff.request('POST', `/api/consult/votes/${id}/close`)).json() as {
      summary: Record<string, unknown>;
      passed: boolean;
    };
    // not yet public: 404; after 公示 the file is downloadable and recomputes the same numbers
    expect((await t.app.inject({ url: `/api/public/consult/votes/${id}/tally.json` })).statusCode).toBe(404);
    expect(closed.passed).toBe(true); // every other owner said yes
    const pub = await staff.request('POST', `/api/consult/topics/${topic}/stage`, { to: 'publicity' });
    expect(pub.statusCode, pub.body).toBe(200);
    const file = await t.app.inject({ url: `/api/public/consult/votes/${id}/tally.json` });
    expect(file.statusCode).toBe(200);
    expect(file.body).not.toContain(home.householdId);
    expect(tallyFileText(file.body).summary).toEqual(closed.summary);
  });

  it('concurrent ballots are each counted exactly once (each household sent twice at the same time)', async () => {
    const { id } = await openVote({ kind: 'households' });
    const all = home.households;
    const sends = all.flatMap((h, i) =>
      [0, 1].map((k) =>
        staff.request('POST', `/api/consult/votes/${id}/paper`, {
          householdId: h.id,
          serial: `C-${i}-${k}`,
          choice: 'yes',
          scan,
        }),
      ),
    );
    const res = await Promise.all(sends);
    expect(res.filter((r) => r.statusCode === 201)).toHaveLength(all.length);
    expect(res.filter((r) => r.statusCode === 409).every((r) => code(r) === 'CONSULT_ALREADY_VOTED')).toBe(true);
    expect(res.filter((r) => r.statusCode === 409)).toHaveLength(all.length);
    const tally = (await staff.request('GET', `/api/consult/votes/${id}/tally`)).json() as {
      counts: { participants: number; ballots: number };
      result: { counts: { yesVoters: number } };
    };
    expect(tally.counts).toEqual({ participants: all.length, ballots: all.length });
    expect(tally.result.counts.yesVoters).toBe(all.length);
  }, 120_000);

  it('only the registered owner votes online in an owners’ vote', async () => {
    const { id } = await openVote();
    await t.handle.db
      .updateTable('households')
      .set({ owner_name: '别人' })
      .where('id', '=', home.householdId)
      .execute();
    try {
      const r = await silu.request('POST', `/api/consult/votes/${id}/ballot`, { choice: 'yes' });
      expect([r.statusCode, code(r)]).toEqual([403, 'CONSULT_NOT_OWNER']);
    } finally {
      await t.handle.db
        .updateTable('households')
        .set({ owner_name: home.name })
        .where('id', '=', home.householdId)
        .execute();
    }
  });
});
