import { inflateSync } from 'node:zlib';
import { CircleError } from './errors.ts';
import { PbfReader } from './protobuf.ts';

/** OSM tags of one element. */
export type Tags = Record<string, string>;
/** Relation member: type 0 node, 1 way, 2 relation. */
export interface Member {
  readonly type: number;
  readonly ref: number;
  readonly role: string;
}

/** Callbacks for the elements of an OSM PBF file, in file order. Omit what you do not need (faster). */
export interface PbfHandler {
  /** Every node; `tags` is null for untagged nodes (the vast majority). */
  node?(id: number, lon: number, lat: number, tags: Tags | null): void;
  way?(id: number, refs: Float64Array, tags: Tags): void;
  relation?(id: number, members: Member[], tags: Tags): void;
  /** Bytes of the file processed so far, after each block. */
  progress?(done: number, total: number): void;
}

/**
 * Caps on decompression, checked while inflating (zlib's `maxOutputLength`), so a small "zip bomb" can
 * neither allocate gigabytes nor keep a thread busy: `maxBlobBytes` per blob (the PBF format itself
 * limits a blob to 32 MiB) and `maxTotalBytes` over the whole file.
 */
export interface PbfLimits {
  readonly maxBlobBytes: number;
  readonly maxTotalBytes: number;
}

/** Defaults: 32 MiB per blob (the format's own limit), 1 GiB in total (Porto, 3 MB, inflates to ~25 MB). */
export const DEFAULT_PBF_LIMITS: PbfLimits = { maxBlobBytes: 32 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024 };

/**
 * Stream-decode an OSM PBF buffer (OSMHeader + OSMData blobs, raw or zlib) and call `handler` per
 * element. Throws {@link CircleError} `OSM_CORRUPT` on malformed/truncated input and
 * `OSM_UNSUPPORTED` for lzma/zstd/lz4 blobs or required features we do not implement, and `OSM_TOO_LARGE`
 * when a blob or the whole file inflates beyond `limits`.
 */
export function readPbf(buf: Uint8Array, handler: PbfHandler, limits: PbfLimits = DEFAULT_PBF_LIMITS): void {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = 0,
    sawHeader = false;
  const budget = { left: limits.maxTotalBytes, blob: limits.maxBlobBytes, total: limits.maxTotalBytes };
  if (buf.length === 0) throw new CircleError('OSM_CORRUPT', 'empty file');
  while (pos < buf.length) {
    if (pos + 4 > buf.length) throw new CircleError('OSM_CORRUPT', 'truncated blob header length');
    const hlen = view.getUint32(pos);
    pos += 4;
    if (hlen > 64 * 1024 || pos + hlen > buf.length) throw new CircleError('OSM_CORRUPT', 'bad blob header');
    const h = new PbfReader(buf, pos, pos + hlen);
    let type = '',
      dataSize = -1;
    while (h.pos < h.end) {
      const t = h.tag();
      if (t === 10) type = h.string();
      else if (t === 24) dataSize = h.varint();
      else h.skip(t & 7);
    }
    pos += hlen;
    if (dataSize < 0 || pos + dataSize > buf.length) throw new CircleError('OSM_CORRUPT', 'truncated blob');
    const data = blobData(buf, pos, pos + dataSize, budget);
    pos += dataSize;
    if (type === 'OSMHeader') {
      checkHeader(data);
      sawHeader = true;
    } else if (type === 'OSMData') {
      if (!sawHeader) throw new CircleError('OSM_CORRUPT', 'data before header');
      primitiveBlock(data, handler);
    }
    handler.progress?.(pos, buf.length);
  }
  if (!sawHeader) throw new CircleError('OSM_CORRUPT', 'no OSMHeader');
}

interface Budget {
  /** Inflated bytes still allowed for the rest of the file. */
  left: number;
  readonly blob: number;
  readonly total: number;
}

const tooLarge = (what: 'blob' | 'file', limit: number): CircleError =>
  new CircleError('OSM_TOO_LARGE', `${what} inflates beyond ${limit} bytes`, { what, limit });

function blobData(buf: Uint8Array, start: number, end: number, budget: Budget): Uint8Array {
  const r = new PbfReader(buf, start, end);
  let rawSize = -1;
  while (r.pos < r.end) {
    const t = r.tag();
    if (t === 10) {
      const [s, e] = r.bytes();
      if (e - s > budget.blob) throw tooLarge('blob', budget.blob);
      if (e - s > budget.left) throw tooLarge('file', budget.total);
      budget.left -= e - s;
      return buf.subarray(s, e);
    }
    if (t === 16) {
      rawSize = r.varint();
      // A declared size over the cap is refused before any inflating.
      if (rawSize > budget.blob) throw tooLarge('blob', budget.blob);
      continue;
    }
    if (t === 26) {
      const [s, e] = r.bytes();
      // The cap holds while inflating: zlib stops at maxOutputLength whatever raw_size claimed.
      const cap = Math.min(budget.blob, budget.left);
      let out: Uint8Array;
      try {
        out = inflateSync(buf.subarray(s, e), { maxOutputLength: Math.max(cap, 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw cap === budget.blob ? tooLarge('blob', budget.blob) : tooLarge('file', budget.total);
        throw new CircleError('OSM_CORRUPT', 'bad zlib data');
      }
      budget.left -= out.length;
      return out;
    }
    if (t === 34 || t === 50 || t === 58 || t === 42)
      throw new CircleError('OSM_UNSUPPORTED', 'lzma/lz4/zstd/bzip2 blob');
    r.skip(t & 7);
  }
  throw new CircleError('OSM_CORRUPT', 'blob without data');
}

function checkHeader(data: Uint8Array): void {
  const r = new PbfReader(data);
  while (r.pos < r.end) {
    const t = r.tag();
    if (t === 34) {
      const f = r.string();
      if (f !== 'OsmSchema-V0.6' && f !== 'DenseNodes')
        throw new CircleError('OSM_UNSUPPORTED', `required feature ${f}`);
    } else r.skip(t & 7);
  }
}

interface Block {
  strings: string[];
  gran: number;
  latOff: number;
  lonOff: number;
}

function primitiveBlock(data: Uint8Array, hd: PbfHandler): void {
  const r = new PbfReader(data);
  const b: Block = { strings: [], gran: 100, latOff: 0, lonOff: 0 };
  const groups: [number, number][] = [];
  while (r.pos < r.end) {
    const t = r.tag();
    if (t === 10) {
      const [s, e] = r.bytes();
      const st = new PbfReader(data, s, e);
      while (st.pos < st.end) {
        const tt = st.tag();
        if (tt === 10) b.strings.push(st.string());
        else st.skip(tt & 7);
      }
    } else if (t === 18) groups.push(r.bytes());
    else if (t === 136) b.gran = r.varint();
    else if (t === 152) b.latOff = r.int64();
    else if (t === 160) b.lonOff = r.int64();
    else r.skip(t & 7);
  }
  for (const [s, e] of groups) {
    const g = new PbfReader(data, s, e);
    while (g.pos < g.end) {
      const t = g.tag();
      if (t === 10 && hd.node) {
        const [a, z] = g.bytes();
        node(new PbfReader(data, a, z), b, hd);
      } else if (t === 18 && hd.node) {
        const [a, z] = g.bytes();
        dense(new PbfReader(data, a, z), b, hd);
      } else if (t === 26 && hd.way) {
        const [a, z] = g.bytes();
        way(new PbfReader(data, a, z), b, hd);
      } else if (t === 34 && hd.relation) {
        const [a, z] = g.bytes();
        relation(new PbfReader(data, a, z), b, hd);
      } else g.skip(t & 7);
    }
  }
}

function str(b: Block, i: number): string {
  const s = b.strings[i];
  if (s === undefined) throw new CircleError('OSM_CORRUPT', 'string index out of range');
  return s;
}

function tagsOf(b: Block, keys: number[], vals: number[]): Tags {
  const tags: Tags = {};
  for (let i = 0; i < keys.length; i++) tags[str(b, keys[i]!)] = str(b, vals[i] ?? -1);
  return tags;
}

function node(r: PbfReader, b: Block, hd: PbfHandler): void {
  let id = 0,
    lat = 0,
    lon = 0,
    keys: number[] = [],
    vals: number[] = [];
  while (r.pos < r.end) {
    const t = r.tag();
    if (t === 8) id = r.svarint();
    else if (t === 18) keys = r.packed(false, false);
    else if (t === 26) vals = r.packed(false, false);
    else if (t === 64) lat = r.svarint();
    else if (t === 72) lon = r.svarint();
    else r.skip(t & 7);
  }
  hd.node!(
    id,
    (b.lonOff + b.gran * lon) / 1e9,
    (b.latOff + b.gran * lat) / 1e9,
    keys.length > 0 ? tagsOf(b, keys, vals) : null,
  );
}

function dense(r: PbfReader, b: Block, hd: PbfHandler): void {
  let ids: number[] = [],
    lats: number[] = [],
    lons: number[] = [],
    kv: number[] = [];
  while (r.pos < r.end) {
    const t = r.tag();
    if (t === 10) ids = r.packed(true, true);
    else if (t === 66) lats = r.packed(true, true);
    else if (t === 74) lons = r.packed(true, true);
    else if (t === 82) kv = r.packed(false, false);
    else r.skip(t & 7);
  }
  if (lats.length !== ids.length || lons.length !== ids.length)
    throw new CircleError('OSM_CORRUPT', 'dense node arrays differ in length');
  let k = 0;
  for (let i = 0; i < ids.length; i++) {
    let tags: Tags | null = null;
    if (kv.length > 0) {
      while (k < kv.length && kv[k] !== 0) {
        tags ??= {};
        tags[str(b, kv[k]!)] = str(b, kv[k + 1] ?? -1);
        k += 2;
      }
      k++;
    }
    hd.node!(ids[i]!, (b.lonOff + b.gran * lons[i]!) / 1e9, (b.latOff + b.gran * lats[i]!) / 1e9, tags);
  }
}

function way(r: PbfReader, b: Block, hd: PbfHandler): void {
  let id = 0,
    keys: number[] = [],
    vals: number[] = [],
    refs: number[] = [];
  while (r.pos < r.end) {
    const t = r.tag();
    if (t === 8) id = r.varint();
    else if (t === 18) keys = r.packed(false, false);
    else if (t === 26) vals = r.packed(false, false);
    else if (t === 66) refs = r.packed(true, true);
    else r.skip(t & 7);
  }
  hd.way!(id, Float64Array.from(refs), tagsOf(b, keys, vals));
}

function relation(r: PbfReader, b: Block, hd: PbfHandler): void {
  let id = 0,
    keys: number[] = [],
    vals: number[] = [],
    roles: number[] = [],
    mids: number[] = [],
    types: number[] = [];
  while (r.pos < r.end) {
    const t = r.tag();
    if (t === 8) id = r.varint();
    else if (t === 18) keys = r.packed(false, false);
    else if (t === 26) vals = r.packed(false, false);
    else if (t === 66) roles = r.packed(false, false);
    else if (t === 74) mids = r.packed(true, true);
    else if (t === 82) types = r.packed(false, false);
    else r.skip(t & 7);
  }
  const members: Member[] = mids.map((ref, i) => ({ type: types[i] ?? 0, ref, role: str(b, roles[i] ?? 0) }));
  hd.relation!(id, members, tagsOf(b, keys, vals));
}
