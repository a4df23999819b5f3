/**
 * Where the phone is. Browsers report WGS-84; pages opened inside WeChat or Amap get GCJ-02 from their
 * location bridge, so the coordinate system is a setting (auto-detected, changeable on the report page).
 */
import type { Crs } from '../../api/cases.ts';

const KEY = 'linli_crs';

/** The CRS this page's location comes in: the saved choice, else a guess from the user agent. */
export function preferredCrs(): Crs {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'wgs84' || v === 'gcj02' || v === 'bd09') return v;
  } catch {
    /* ignore */
  }
  return /MicroMessenger|AMap|AlipayClient/i.test(navigator.userAgent) ? 'gcj02' : 'wgs84';
}

/** Remember the CRS choice. */
export function setPreferredCrs(c: Crs): void {
  try {
    localStorage.setItem(KEY, c);
  } catch {
    /* ignore */
  }
}

/** One position fix. Rejects with the browser's error (permission denied, unavailable, timeout). */
export function currentPosition(): Promise<{ lon: number; lat: number; accuracy: number }> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('unsupported'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy }),
      (e) => reject(new Error(e.message || String(e.code))),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  });
}
