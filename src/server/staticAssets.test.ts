/**
 * The built web app is sent compressed (the .br/.gz written at build time) and hashed assets are cached for a year,
 * while index.html is revalidated on every visit (it names the current asset hashes).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { DbHandle } from './platform/db/connect.ts';
import { freshDb } from './testing/harness.ts';

const js = `export const x = "${'邻里'.repeat(2000)}";\n`;
let root: string;
let app: FastifyInstance;
let handle: DbHandle;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'linli-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>邻里</title><script src="/assets/app-1a2b.js"></script>',
  );
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), js);
  writeFileSync(join(root, 'assets', 'app-1a2b.js.br'), brotliCompressSync(js));
  writeFileSync(join(root, 'assets', 'app-1a2b.js.gz'), gzipSync(js));
  handle = await freshDb();
  app = await buildApp({
    db: handle.db,
    engine: handle.engine,
    config: loadConfig({}),
    clock: () => new Date(),
    webRoot: root,
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await handle.close();
  rmSync(root, { recursive: true, force: true });
});

describe('static web app', () => {
  it('sends the brotli file to a browser that accepts it, cached for a year', async () => {
    const r = await app.inject({ url: '/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(r.rawPayload).toString()).toBe(js);
    expect(r.rawPayload.length).toBeLessThan(Buffer.byteLength(js) / 5);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await app.inject({ url: '/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/app-1a2b.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('revalidates index.html, also when it answers a page path of the app', async () => {
    for (const url of ['/', '/me/cases']) {
      const r = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/text\/html/);
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('compresses a large API answer for a browser that accepts it, and not for one that does not', async () => {
    const br = await app.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    const doc = JSON.parse(brotliDecompressSync(br.rawPayload).toString()) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);
    const plain = await app.inject({ url: '/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });
});
