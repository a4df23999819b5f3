import { deflateSync } from 'node:zlib';

/** Tiny OSM PBF writer for tests and fixtures: one OSMHeader and one OSMData block (plain Nodes, Ways). */
export interface FixtureNode {
  id: number;
  lon: number;
  lat: number;
  tags?: Record<string, string>;
}
/** A way of the fixture: node id refs and tags. */
export interface FixtureWay {
  id: number;
  refs: number[];
  tags: Record<string, string>;
}

class W {
  bytes: number[] = [];
  varint(v: number): this {
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
    return this;
  }
  tag(field: number, wire: number): this {
    return this.varint(field * 8 + wire);
  }
  sint(v: number): number {
    return v >= 0 ? 2 * v : -2 * v - 1;
  }
  lenField(field: number, data: number[] | Uint8Array): this {
    this.tag(field, 2).varint(data.length);
    this.bytes.push(...data);
    return this;
  }
  packed(field: number, vals: number[]): this {
    const w = new W();
    for (const v of vals) w.varint(v);
    return this.lenField(field, w.bytes);
  }
}

function blob(type: string, payload: number[], compress: boolean): number[] {
  const b = new W();
  if (compress)
    b.tag(2, 0)
      .varint(payload.length)
      .lenField(3, deflateSync(Uint8Array.from(payload)));
  else b.lenField(1, payload);
  const h = new W()
    .lenField(1, Array.from(new TextEncoder().encode(type)))
    .tag(3, 0)
    .varint(b.bytes.length);
  const len = h.bytes.length;
  return [(len >>> 24) & 255, (len >>> 16) & 255, (len >>> 8) & 255, len & 255, ...h.bytes, ...b.bytes];
}

/** Encode nodes and ways as a valid `.osm.pbf` buffer (granularity 100 nanodegrees). */
export function writeFixturePbf(nodes: FixtureNode[], ways: FixtureWay[], compress = true): Uint8Array {
  const strings = [''];
  const sid = (s: string): number => {
    let i = strings.indexOf(s);
    if (i < 0) {
      i = strings.length;
      strings.push(s);
    }
    return i;
  };
  const group = new W();
  for (const n of nodes) {
    const nw = new W().tag(1, 0).varint(nw0(n.id));
    const keys = Object.keys(n.tags ?? {});
    if (keys.length > 0) {
      nw.packed(2, keys.map(sid));
      nw.packed(
        3,
        keys.map((k) => sid(n.tags![k]!)),
      );
    }
    nw.tag(8, 0)
      .varint(nw.sint(Math.round(n.lat * 1e7)))
      .tag(9, 0)
      .varint(nw.sint(Math.round(n.lon * 1e7)));
    group.lenField(1, nw.bytes);
  }
  for (const w of ways) {
    const ww = new W().tag(1, 0).varint(w.id);
    const keys = Object.keys(w.tags);
    ww.packed(2, keys.map(sid)).packed(
      3,
      keys.map((k) => sid(w.tags[k]!)),
    );
    let prev = 0;
    ww.packed(
      8,
      w.refs.map((r) => {
        const d = r - prev;
        prev = r;
        return ww.sint(d);
      }),
    );
    group.lenField(3, ww.bytes);
  }
  const st = new W();
  for (const s of strings) st.lenField(1, Array.from(new TextEncoder().encode(s)));
  const block = new W().lenField(1, st.bytes).lenField(2, group.bytes);
  const header = new W().lenField(4, Array.from(new TextEncoder().encode('OsmSchema-V0.6')));
  return Uint8Array.from([...blob('OSMHeader', header.bytes, compress), ...blob('OSMData', block.bytes, compress)]);
}

function nw0(id: number): number {
  return id >= 0 ? 2 * id : -2 * id - 1;
}

/**
 * A PBF "zip bomb" for tests, made at test time (a few hundred KB): a valid header, then `blobs` OSMData
 * blobs whose zlib data each inflate to `inflatedBytes` (one unknown field of zeros, which a reader skips
 * without complaint, so only a size cap can stop it). `declaredRawSize` is the raw_size the blob claims
 * (a bomb may lie).
 */
export function writeZlibBombPbf(blobs: number, inflatedBytes: number, declaredRawSize = inflatedBytes): Uint8Array {
  const head = new W().tag(15, 2).varint(inflatedBytes); // inflates to inflatedBytes + a few header bytes
  const payload = Buffer.concat([Uint8Array.from(head.bytes), Buffer.alloc(inflatedBytes)]);
  const z = deflateSync(payload, { level: 9 });
  const blobHead = new W().tag(2, 0).varint(declaredRawSize).tag(3, 2).varint(z.length);
  const blobLen = blobHead.bytes.length + z.length;
  const h = new W()
    .lenField(1, Array.from(new TextEncoder().encode('OSMData')))
    .tag(3, 0)
    .varint(blobLen);
  const hl = h.bytes.length;
  const one = Buffer.concat([
    Uint8Array.from([(hl >>> 24) & 255, (hl >>> 16) & 255, (hl >>> 8) & 255, hl & 255, ...h.bytes, ...blobHead.bytes]),
    z,
  ]);
  const header = new W().lenField(4, Array.from(new TextEncoder().encode('OsmSchema-V0.6')));
  return Buffer.concat([
    Uint8Array.from(blob('OSMHeader', header.bytes, true)),
    ...Array.from({ length: blobs }, () => one),
  ]);
}
