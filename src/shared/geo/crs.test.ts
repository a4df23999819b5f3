import { describe, expect, it } from 'vitest';
import { convertGeometryToWgs84, gcoord, insideChina, parseCrs, toWgs84, validLonLat } from './crs.ts';

describe('parseCrs', () => {
  it.each([
    ['WGS84', 'wgs84'],
    ['wgs-84', 'wgs84'],
    ['EPSG:4326', 'wgs84'],
    ['CGCS2000', 'wgs84'],
    ['GCJ02', 'gcj02'],
    ['gcj-02', 'gcj02'],
    [' BD09 ', 'bd09'],
    ['bd-09', 'bd09'],
    ['BD09MC', null],
    ['', null],
    [42, null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(parseCrs(input)).toBe(expected);
  });
});

describe('toWgs84', () => {
  const zhangye: [number, number] = [100.45, 38.93];
  it('is identity for wgs84', () => {
    expect(toWgs84(100.45, 38.93, 'wgs84')).toEqual(zhangye);
  });
  it.each(['gcj02', 'bd09'] as const)('inverts the %s offset (hundreds of metres) to < 1e-5°', (crs) => {
    const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
    const shifted = gcoord.transform(zhangye, gcoord.WGS84, from);
    expect(Math.abs(shifted[0] - zhangye[0])).toBeGreaterThan(1e-3);
    const back = toWgs84(shifted[0], shifted[1], crs);
    expect(Math.abs(back[0] - zhangye[0])).toBeLessThan(1e-5);
    expect(Math.abs(back[1] - zhangye[1])).toBeLessThan(1e-5);
  });
});

describe('convertGeometryToWgs84', () => {
  it('converts every position of a MultiPolygon without mutating the input', () => {
    const ring = [
      [100.45, 38.93],
      [100.46, 38.93],
      [100.46, 38.94],
      [100.45, 38.93],
    ];
    const geom = { type: 'MultiPolygon' as const, coordinates: [[ring]] };
    const out = convertGeometryToWgs84(geom, 'gcj02');
    expect(out.type).toBe('MultiPolygon');
    expect(geom.coordinates[0]?.[0]?.[0]).toEqual([100.45, 38.93]);
    const p = out.coordinates[0]?.[0]?.[0] ?? [];
    expect(p).toEqual(toWgs84(100.45, 38.93, 'gcj02'));
  });
  it('keeps altitude on Points and handles LineString/Polygon', () => {
    expect(convertGeometryToWgs84({ type: 'Point', coordinates: [1, 2, 30] }, 'wgs84').coordinates).toEqual([1, 2, 30]);
    const ls = convertGeometryToWgs84(
      {
        type: 'LineString',
        coordinates: [
          [100.45, 38.93],
          [100.46, 38.94],
        ],
      },
      'bd09',
    );
    expect(ls.coordinates).toHaveLength(2);
    const pg = convertGeometryToWgs84(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'gcj02',
    );
    expect(pg.coordinates[0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]); // outside China: no offset
  });
});

describe('coordinate checks', () => {
  it.each([
    [100, 38, true, true],
    [180, 90, true, false],
    [-180.0001, 0, false, false],
    [38, 100, false, false],
    [Number.NaN, 1, false, false],
    [2.35, 48.85, true, false],
  ])('validLonLat(%s,%s)=%s insideChina=%s', (lon, lat, valid, china) => {
    expect(validLonLat(lon, lat)).toBe(valid);
    expect(insideChina(lon, lat)).toBe(china);
  });
});
