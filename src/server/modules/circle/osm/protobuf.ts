import { CircleError } from './errors.ts';

/**
 * Minimal protocol-buffers reader for the OSM PBF messages: varints, zigzag, packed arrays and
 * length-delimited sub-messages. Every read is bounds-checked so truncated or corrupt input fails
 * with `OSM_CORRUPT` instead of looping or returning garbage.
 */
export class PbfReader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    public end = buf.length,
  ) {
    this.pos = start;
  }

  /** Unsigned varint as a JS number (exact below 2^53, which covers OSM ids and deltas). */
  varint(): number {
    const buf = this.buf;
    let b = buf[this.pos++]!,
      val = b & 0x7f;
    if (b < 0x80) return this.check(val);
    b = buf[this.pos++]!;
    val |= (b & 0x7f) << 7;
    if (b < 0x80) return this.check(val);
    b = buf[this.pos++]!;
    val |= (b & 0x7f) << 14;
    if (b < 0x80) return this.check(val);
    b = buf[this.pos++]!;
    val |= (b & 0x7f) << 21;
    if (b < 0x80) return this.check(val);
    let mul = 268435456;
    for (let i = 0; i < 6; i++) {
      b = buf[this.pos++]!;
      val += (b & 0x7f) * mul;
      if (b < 0x80) return this.check(val);
      mul *= 128;
    }
    throw new CircleError('OSM_CORRUPT', 'varint too long');
  }

  /** Signed 64-bit two's-complement varint (int64 fields such as lat_offset). */
  int64(): number {
    const v = this.varint();
    return v >= 2 ** 63 ? v - 2 ** 64 : v;
  }

  /** Zigzag-decoded signed varint (sint32/sint64). */
  svarint(): number {
    const n = this.varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  }

  /** Start/end of a length-delimited field; advances past it. */
  bytes(): [number, number] {
    const len = this.varint();
    const start = this.pos,
      end = start + len;
    if (end > this.end) throw new CircleError('OSM_CORRUPT', 'field runs past its message');
    this.pos = end;
    return [start, end];
  }

  /** Decode a length-delimited field as UTF-8 text. */
  string(): string {
    const [s, e] = this.bytes();
    return utf8.decode(this.buf.subarray(s, e));
  }

  /** Read a tag: returns `field << 3 | wireType`. */
  tag(): number {
    return this.varint();
  }

  /** Skip a field of the given wire type. */
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 2) this.bytes();
    else if (wire === 1) this.pos += 8;
    else if (wire === 5) this.pos += 4;
    else throw new CircleError('OSM_CORRUPT', `bad wire type ${wire}`);
    if (this.pos > this.end) throw new CircleError('OSM_CORRUPT', 'truncated field');
  }

  /** Read a packed varint field into a plain array (zigzag-decoded when `signed`, delta-summed when `delta`). */
  packed(signed: boolean, delta: boolean): number[] {
    const [s, e] = this.bytes();
    const sub = new PbfReader(this.buf, s, e);
    const out: number[] = [];
    let acc = 0;
    while (sub.pos < e) {
      const v = signed ? sub.svarint() : sub.varint();
      acc = delta ? acc + v : v;
      out.push(acc);
    }
    return out;
  }

  private check(v: number): number {
    if (this.pos > this.end) throw new CircleError('OSM_CORRUPT', 'truncated varint');
    return v;
  }
}

const utf8 = new TextDecoder('utf-8');
