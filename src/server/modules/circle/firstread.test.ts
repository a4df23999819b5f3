/**
 * The first read of a stored OSM network is decoded in the worker pool (robustness issue, item 3): the
 * main thread used to inflate the bundle, parse its JSON trailer and estimate 23k homes in one go, and
 * every request waited behind it. Here /healthz is pinged while the first analysis of the stored Monaco
 * network loads it; the worst ping of each of three cold loads is compared with what the old decode costs
 * on this thread right now (measured in the same run), with a generous floor for a busy machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { estimateFromBuildingArea } from './domain/index.ts';
import { mulberry32 } from './domain/testing.ts';
import { readFixture } from './fixtures.ts';
import { decodeGraph, encodeGraph, unpackBundle } from './osm/cache.ts';
import { loadScene } from './network/scene.ts';
import * as repo from './repository.ts';

const CODE = '620702004006';
let t: TestApp;
let staff: Session;

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
  const pbf = readFixture('osm/monaco.osm.pbf');
  const r = await staff.request('POST', `/api/circle/${CODE}/networks?name=m1`, pbf, {
    'content-type': 'application/octet-stream',
  });
  expect(r.statusCode, r.body).toBe(201);
}, 120_000);
afterAll(async () => {
  await t.close();
});

/** What the old code did on the event loop for a first read (after the fetch), in ms. */
async function oldDecodeMs(): Promise<number> {
  const meta = (await repo.getNetworkMeta(t.handle.db, CODE, 'm1'))!;
  const bin = (await repo.getNetworkBundle(t.handle.db, meta.id))!;
  const t0 = performance.now();
  const r = decodeGraph(unpackBundle(bin));
  if (!r.ok) throw r.error;
  const homes = r.value.buildings.map((b) => ({
    ...estimateFromBuildingArea(b, t.app.circle.settings.assumptions),
    name: b.id,
    estimated: true,
    footprint: null,
  }));
  const enc = encodeGraph({ graph: r.value.graph, buildings: [], pois: [] });
  new Uint8Array(new SharedArrayBuffer(enc.byteLength)).set(enc);
  expect(homes.length).toBeGreaterThan(20_000);
  return performance.now() - t0;
}

/** The worst /healthz latency (ms, pinged every 10 ms) while `work` runs. */
async function worstPingWhile(work: () => Promise<{ statusCode: number; body: string }>): Promise<number> {
  let done = false,
    worst = 0;
  const pings = (async () => {
    while (!done) {
      const t0 = performance.now();
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      worst = Math.max(worst, performance.now() - t0);
      await new Promise((res) => setTimeout(res, 10));
    }
  })();
  try {
    const r = await work();
    expect(r.statusCode, r.body).toBe(200);
  } finally {
    done = true;
    await pings;
  }
  return worst;
}

describe('the first read of a stored network', () => {
  it('does not hold the event loop: no ping waits behind the decode', async () => {
    const inline: number[] = [],
      worst: number[] = [];
    for (let round = 0; round < 3; round++) {
      inline.push(await oldDecodeMs());
      t.app.circle.cache.invalidate(`${CODE}/m1`);
      const area = `/api/circle/${CODE}/area?network=m1&lon=7.4215&lat=43.7370&minutes=5`;
      worst.push(await worstPingWhile(() => staff.request('GET', area)));
    }
    const f = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.info(`first read of Monaco: old decode on this thread ${f(inline)} ms; worst ping ${f(worst)} ms`);
    // Noise only adds latency, so the best of three rounds shows the systematic stall. The old code's stall
    // was the whole decode (≥ min(inline)); now a request waits at most ~100 ms (floor for a busy machine).
    expect(Math.min(...worst)).toBeLessThan(Math.max(100, 0.5 * Math.min(...inline)));
  }, 120_000);

  it('concurrent first reads share one decode: one engine, the same homes', async () => {
    const rt = t.app.circle;
    rt.cache.invalidate(`${CODE}/m1`);
    const load = () => loadScene(t.handle.db, rt.cache, rt.settings, CODE, 'm1', t.clock.now());
    const scenes = await Promise.all([load(), load(), load()]);
    expect(new Set(scenes.map((s) => s.engine)).size).toBe(1);
    expect(new Set(scenes.map((s) => s.homes)).size).toBe(1);
    const [first] = scenes;
    expect(first!.homes.length).toBeGreaterThan(20_000);
    expect(first!.homes.every((h) => h.estimated && h.name === h.id && h.footprint === null)).toBe(true);
  }, 60_000);

  it('walking areas stay on the main thread: each stays well below the ~100 ms rule', async () => {
    // Why not in the pool: its two threads run imports and exact solves of up to 10 s, and an interactive
    // area would queue behind them; on this thread it waits for nothing and blocks for a few ms.
    const r = mulberry32(7),
      ms: number[] = [];
    for (let k = 0; k < 60; k++) {
      const lon = (7.415 + r() * 0.015).toFixed(5),
        lat = (43.728 + r() * 0.012).toFixed(5);
      const a = await staff.request('GET', `/api/circle/${CODE}/area?network=m1&lon=${lon}&lat=${lat}&minutes=15`);
      if (a.statusCode === 200) ms.push((a.json() as { ms: number }).ms);
    }
    ms.sort((a, b) => a - b);
    const q = (p: number) => ms[Math.floor(p * (ms.length - 1))]!;
    console.info(
      `Monaco 15-minute walking areas on the main thread: ${ms.length}, p50 ${q(0.5)} ms, p95 ${q(0.95)} ms`,
    );
    expect(ms.length).toBeGreaterThan(40);
    // The typical area is far below the rule even on a loaded 2-core machine (p95 is logged: 37–81 ms there).
    expect(q(0.5)).toBeLessThan(100);
  }, 60_000);
});
