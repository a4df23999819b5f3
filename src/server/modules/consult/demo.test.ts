/** The demo story as seeded: its votes, public page, tally file, overview tiles and a resident's phone vote. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type TestApp } from '../../testing/harness.ts';
import { tallyFileText } from './domain/tallyFile.ts';
import { overviewTiles, seedDemoConsult } from './index.ts';

let t: TestApp;
let seedMs = 0;

beforeAll(async () => {
  t = await testApp();
  const t0 = performance.now();
  await seedDemoConsult(t.handle.db, t.clock.now());
  seedMs = performance.now() - t0;
}, 180_000);
afterAll(async () => t?.close());

describe('consult demo story', () => {
  it('seeds in a few seconds and tells the story through the public page', { timeout: 240_000 }, async () => {
    console.log(`consult demo seed: ${Math.round(seedMs)} ms`);
    const list = await t.app.inject({ url: '/api/public/consult/620702004006/topics' });
    const items = (list.json() as { items: { id: string; title: string; stage: string }[] }).items;
    const walls = items.find((i) => i.title.includes('拆除六个原三无楼院'));
    expect(walls?.stage).toBe('acceptance');
    expect(items.some((i) => i.title.includes('声控灯'))).toBe(false); // still at 表决: not published
    const page = (await t.app.inject({ url: `/api/public/consult/topics/${walls!.id}` })).json() as {
      timeline: { stage: string }[];
      drawings: { id: string; version: number; note: string }[];
      meetings: { minutes: string; present: number; ofHouseholds: number }[];
      votes: { id: string; secret: boolean; result: { quorum: boolean; passed: boolean; thresholds: unknown[] } }[];
      project: { milestones: { progress: number }[]; photos: unknown[] };
      comments?: unknown;
    };
    expect(page.timeline.map((s) => s.stage)).toEqual([
      'collect',
      'deliberate',
      'vote',
      'publicity',
      'implement',
      'acceptance',
    ]);
    expect(page.drawings.map((d) => d.version)).toEqual([1, 2]);
    expect(page.meetings).toHaveLength(2);
    expect(page.meetings[0]!.present).toBeGreaterThan(30);
    expect(page.meetings[0]!.ofHouseholds).toBe(1523);
    expect(page.comments).toBeUndefined();
    // only the closed votes are public: the first reached the quorum and missed 3/4, the second passed
    expect(page.votes.map((v) => [v.result.quorum, v.result.passed, v.secret])).toEqual([
      [true, false, false],
      [true, true, true],
    ]);
    expect(page.project.milestones.map((m) => m.progress)).toEqual([100, 100, 50]);
    expect(page.project.photos).toHaveLength(2);
    for (const v of page.votes) {
      const file = await t.app.inject({ url: `/api/public/consult/votes/${v.id}/tally.json` });
      const { summary } = tallyFileText(file.body);
      expect(summary.quorum).toBe(v.result.quorum);
      expect(summary.passed).toBe(v.result.passed);
      // the command anyone can run on the downloaded file prints the same published numbers
      const path = join(mkdtempSync(join(tmpdir(), 'linli-tally-')), 'tally.json');
      writeFileSync(path, file.body);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'vote', 'tally', path], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout)).toEqual((v.result as unknown as { summary: unknown }).summary);
    }
    const png = await t.app.inject({
      url: `/api/public/consult/drawings/${(page as { drawings: { id: string }[] }).drawings[1]!.id}`,
    });
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('shows open votes and topics in progress on the overview tiles', async () => {
    const tiles = await overviewTiles(t.handle.db, '620702004006');
    expect(tiles).toEqual([
      { key: 'consult.openVotes', value: 2, href: '/consult?filter=open-votes' },
      { key: 'consult.topicsInProgress', value: 2, href: '/consult' },
    ]);
  });

  it('resident_silu sees the stairwell-lights vote on the phone and votes once', async () => {
    const silu = await login(t.app, 'resident_silu');
    const mine = (await silu.request('GET', '/api/consult/topics')).json() as {
      items: { id: string; title: string }[];
    };
    const lights = mine.items.find((i) => i.title.includes('声控灯'));
    expect(lights).toBeDefined();
    expect(mine.items.some((i) => i.title.includes('拆除六个原三无楼院'))).toBe(false);
    const detail = (await silu.request('GET', `/api/consult/topics/${lights!.id}`)).json() as {
      votes: { id: string }[];
      myVotes: Record<string, string | null>;
    };
    const vote = detail.votes[0]!.id;
    expect(detail.myVotes[vote]).toBeNull();
    expect((await silu.request('POST', `/api/consult/votes/${vote}/ballot`, { choice: 'yes' })).statusCode).toBe(201);
    expect((await silu.request('POST', `/api/consult/votes/${vote}/ballot`, { choice: 'yes' })).statusCode).toBe(409);
  });
});
