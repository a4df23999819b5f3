import { describe, expect, it } from 'vitest';
import { decideCheck, type CheckPlace } from './checkin.ts';

const a: CheckPlace = {
  status: 'open',
  startsAt: new Date('2026-05-01T01:00:00Z'),
  endsAt: new Date('2026-05-01T03:00:00Z'),
  lon: 100.45,
  lat: 38.93,
  radiusM: 100,
};
const here = { lon: 100.45, lat: 38.9305 }; // ~56 m north
const home = { lon: 100.46, lat: 38.93 }; // ~865 m east

describe('check-in place and time', () => {
  it('accepts inside the window and the radius', () => {
    expect(decideCheck(a, 'in', new Date('2026-05-01T00:45:00Z'), here, false)).toEqual({ ok: true, distanceM: 56 });
  });
  it('refuses before the window opens and after it closes, with the reason', () => {
    expect(decideCheck(a, 'in', new Date('2026-05-01T00:29:00Z'), here, false)).toMatchObject({ reason: 'too_early' });
    expect(decideCheck(a, 'in', new Date('2026-05-01T03:01:00Z'), here, false)).toMatchObject({ reason: 'too_late' });
    expect(decideCheck(a, 'out', new Date('2026-05-01T03:30:00Z'), here, false)).toMatchObject({ ok: true });
    expect(decideCheck({ ...a, status: 'closed' }, 'in', a.startsAt, here, true)).toMatchObject({ reason: 'closed' });
  });
  it('refuses beyond the radius (accuracy helps up to 50 m) and without a fix; the organiser needs none', () => {
    expect(decideCheck(a, 'in', a.startsAt, home, false)).toEqual({
      ok: false,
      reason: 'too_far',
      distanceM: 865,
      radiusM: 100,
    });
    expect(decideCheck(a, 'in', a.startsAt, { ...home, accuracyM: 5000 }, false)).toMatchObject({ reason: 'too_far' });
    expect(decideCheck({ ...a, radiusM: 20 }, 'in', a.startsAt, { ...here, accuracyM: 40 }, false)).toMatchObject({
      ok: true,
    });
    expect(decideCheck(a, 'in', a.startsAt, null, false)).toMatchObject({ reason: 'no_location' });
    expect(decideCheck(a, 'in', a.startsAt, null, true)).toEqual({ ok: true, distanceM: null });
  });
});
