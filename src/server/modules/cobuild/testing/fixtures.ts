/** Fixtures of the cobuild tests (demo community places, a real image). */

/** The demo community (东湖社区). */
export const C = '620702004006';
/** A point inside 丝路嘉苑 of the demo community. */
export const SILU = { lon: 100.45078895, lat: 38.9448666 };
/** A 1×1 PNG (a real one: the server checks the signature bytes). */
export const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ' +
  'RU5ErkJggg==';
