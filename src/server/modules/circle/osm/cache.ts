import { gunzipSync, gzipSync } from 'node:zlib';
import type { WalkGraph } from '../domain/types.ts';
import { CircleError, type Result } from './errors.ts';
import type { Building, Poi } from './import.ts';

const MAGIC = 0x47574c4c; // "LLWG" little-endian
const VERSION = 1;
const HEADER = 32;

/** What the cache file holds: the graph as typed arrays, buildings and POIs as a JSON trailer. */
export interface GraphBundle {
  readonly graph: WalkGraph;
  readonly buildings: readonly Building[];
  readonly pois: readonly Poi[];
}

type Col = Float64Array | Int32Array | Uint8Array;
const pad8 = (n: number): number => (n + 7) & ~7;

function columns(g: WalkGraph): Col[] {
  return [
    g.nodeCoord,
    g.edgeU,
    g.edgeV,
    g.edgeLen,
    g.edgeFlags,
    g.edgeWay,
    g.geomOffset,
    g.geomCoord,
    g.adjOffset,
    g.adjTarget,
    g.adjEdge,
  ];
}

/**
 * Serialise a graph bundle to one binary buffer: a 32-byte header (magic, version, node/edge/point
 * counts, JSON length) then each typed array 8-byte aligned, then UTF-8 JSON of buildings and POIs.
 * Little-endian (every platform Node runs on).
 */
export function encodeGraph(b: GraphBundle): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ buildings: b.buildings, pois: b.pois }));
  const cols = columns(b.graph);
  let size = HEADER;
  for (const c of cols) size += pad8(c.byteLength);
  const out = new Uint8Array(size + json.length);
  const h = new DataView(out.buffer);
  h.setUint32(0, MAGIC, true);
  h.setUint32(4, VERSION, true);
  h.setUint32(8, b.graph.nodeCount, true);
  h.setUint32(12, b.graph.edgeCount, true);
  h.setUint32(16, b.graph.geomCoord.length / 2, true);
  h.setUint32(20, json.length, true);
  let pos = HEADER;
  for (const c of cols) {
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), pos);
    pos += pad8(c.byteLength);
  }
  out.set(json, pos);
  return out;
}

/** Decode a buffer written by {@link encodeGraph}. Typed arrays are views on the (aligned) buffer. */
export function decodeGraph(input: Uint8Array): Result<GraphBundle> {
  const fail = (d: string): Result<GraphBundle> => ({ ok: false, error: new CircleError('GRAPH_CACHE_INVALID', d) });
  if (input.length < HEADER) return fail('too short');
  const buf = input.byteOffset % 8 === 0 ? input : input.slice();
  const h = new DataView(buf.buffer, buf.byteOffset, HEADER);
  if (h.getUint32(0, true) !== MAGIC) return fail('bad magic');
  if (h.getUint32(4, true) !== VERSION) return fail(`version ${h.getUint32(4, true)}`);
  const n = h.getUint32(8, true),
    m = h.getUint32(12, true),
    p = h.getUint32(16, true),
    jl = h.getUint32(20, true);
  const specs: [new (b: ArrayBuffer, o: number, l: number) => Col, number, number][] = [
    [Float64Array, 2 * n, 8],
    [Int32Array, m, 4],
    [Int32Array, m, 4],
    [Float64Array, m, 8],
    [Uint8Array, m, 1],
    [Float64Array, m, 8],
    [Int32Array, m + 1, 4],
    [Float64Array, 2 * p, 8],
    [Int32Array, n + 1, 4],
    [Int32Array, 2 * m, 4],
    [Int32Array, 2 * m, 4],
  ];
  let pos = HEADER;
  for (const [, len, bytes] of specs) pos += pad8(len * bytes);
  if (pos + jl !== buf.length) return fail('size mismatch');
  pos = buf.byteOffset + HEADER;
  const cols: Col[] = [];
  for (const [Ctor, len, bytes] of specs) {
    cols.push(new Ctor(buf.buffer as ArrayBuffer, pos, len));
    pos += pad8(len * bytes);
  }
  const [nodeCoord, edgeU, edgeV, edgeLen, edgeFlags, edgeWay, geomOffset, geomCoord, adjOffset, adjTarget, adjEdge] =
    cols;
  let parsed: { buildings: Building[]; pois: Poi[] };
  try {
    parsed = JSON.parse(new TextDecoder().decode(buf.subarray(pos - buf.byteOffset))) as typeof parsed;
  } catch {
    return fail('bad JSON trailer');
  }
  const graph: WalkGraph = {
    nodeCount: n,
    edgeCount: m,
    nodeCoord: nodeCoord as Float64Array,
    edgeU: edgeU as Int32Array,
    edgeV: edgeV as Int32Array,
    edgeLen: edgeLen as Float64Array,
    edgeFlags: edgeFlags as Uint8Array,
    edgeWay: edgeWay as Float64Array,
    geomOffset: geomOffset as Int32Array,
    geomCoord: geomCoord as Float64Array,
    adjOffset: adjOffset as Int32Array,
    adjTarget: adjTarget as Int32Array,
    adjEdge: adjEdge as Int32Array,
  };
  return { ok: true, value: { graph, buildings: parsed.buildings, pois: parsed.pois } };
}

/**
 * The stored form of a bundle: gzip (level 1, ~3× smaller: 3.4 → 1.1 MB for Monaco). Smaller rows matter
 * because PGlite moves bytea through the event loop. Made in the import worker.
 */
export function packBundle(encoded: Uint8Array): Uint8Array {
  return gzipSync(encoded, { level: 1 });
}

/** A stored bundle back to {@link encodeGraph} bytes (rows written before packing are passed through). */
export function unpackBundle(stored: Uint8Array): Uint8Array {
  if (stored.length < 2 || stored[0] !== 0x1f || stored[1] !== 0x8b) return stored;
  try {
    return gunzipSync(stored);
  } catch {
    return new Uint8Array(0); // decodeGraph then reports GRAPH_CACHE_INVALID
  }
}
