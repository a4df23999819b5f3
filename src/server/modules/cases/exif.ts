/**
 * Reads the GPS position from a raw EXIF block (as sharp's metadata().exif returns it: "Exif\0\0" + TIFF).
 * Only what a phone photo needs: GPSLatitude/Ref and GPSLongitude/Ref (WGS-84 degrees). Returns null on any
 * malformed or missing data rather than throwing: a photo without a position is normal.
 */
export function exifGps(buf: Buffer | undefined): { lon: number; lat: number } | null {
  if (!buf || buf.length < 14) return null;
  const base = buf.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  const t = buf.subarray(base);
  if (t.length < 8) return null;
  const le = t.toString('latin1', 0, 2) === 'II';
  if (!le && t.toString('latin1', 0, 2) !== 'MM') return null;
  const u16 = (o: number) => (o + 2 <= t.length ? (le ? t.readUInt16LE(o) : t.readUInt16BE(o)) : -1);
  const u32 = (o: number) => (o + 4 <= t.length ? (le ? t.readUInt32LE(o) : t.readUInt32BE(o)) : -1);
  const entries = (ifd: number) => {
    const n = u16(ifd);
    const out = new Map<number, { type: number; count: number; valueOffset: number }>();
    if (n < 0 || n > 500) return out;
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > t.length) break;
      out.set(u16(e), { type: u16(e + 2), count: u32(e + 4), valueOffset: e + 8 });
    }
    return out;
  };
  const ifd0 = entries(u32(4));
  const gpsPtr = ifd0.get(0x8825);
  if (!gpsPtr) return null;
  const gps = entries(u32(gpsPtr.valueOffset));
  const ref = (tag: number) => {
    const e = gps.get(tag);
    return e ? String.fromCharCode(t[e.valueOffset] ?? 0) : '';
  };
  const dms = (tag: number) => {
    const e = gps.get(tag);
    if (e?.type !== 5 || e.count < 3) return null;
    const off = u32(e.valueOffset);
    const parts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const num = u32(off + i * 8),
        den = u32(off + i * 8 + 4);
      if (num < 0 || den <= 0) return null;
      parts.push(num / den);
    }
    return parts[0]! + parts[1]! / 60 + parts[2]! / 3600;
  };
  const lat = dms(2),
    lon = dms(4);
  if (lat === null || lon === null) return null;
  const sLat = ref(1) === 'S' ? -lat : lat,
    sLon = ref(3) === 'W' ? -lon : lon;
  return Number.isFinite(sLat) && Number.isFinite(sLon) && Math.abs(sLat) <= 90 && Math.abs(sLon) <= 180
    ? { lon: sLon, lat: sLat }
    : null;
}
