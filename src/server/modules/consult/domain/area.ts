/**
 * Exclusive floor areas as exact integers: centi-square-metres (m² × 100) held in `bigint`, so sums and the
 * threshold products of an art. 278 tally never round (a float sum of 3,000 areas can be off by a cent and flip a
 * result that sits exactly on 2/3 or 3/4). The text form is the register's: a decimal with at most two places.
 */

/** A decimal with at most two places, no sign, no exponent: "89.50", "89.5", "90". */
const AREA_TEXT = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Parses "89.50" into 8950n; null when the text is not a non-negative decimal with at most two places. */
export function parseArea(text: string): bigint | null {
  const m = AREA_TEXT.exec(text);
  if (!m) return null;
  const whole = BigInt(m[1]!);
  const frac = BigInt((m[2] ?? '').padEnd(2, '0'));
  return whole * 100n + frac;
}

/** Formats centi-m² as a decimal with exactly two places: 8950n → "89.50". */
export function formatArea(centi: bigint): string {
  const neg = centi < 0n;
  const abs = neg ? -centi : centi;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${abs / 100n}.${frac}`;
}
