/**
 * Money of the shop: integer fen (分) everywhere, never floats. Platform exports write yuan as text ("59.80",
 * "¥1,299.00"); {@link parseYuan} reads such text exactly, digit by digit, so no binary rounding can creep in.
 */

/** Largest unit price or cost accepted (fen): ¥1,000,000. Keeps every sum far below 2^53. */
export const MAX_UNIT_FEN = 100_000_000;
/** Largest quantity of one line. */
export const MAX_QTY = 10_000;
/** Most lines in one sale. */
export const MAX_LINES = 100;
/** Largest order amount in an import (fen): ¥10,000,000. */
export const MAX_ORDER_FEN = 1_000_000_000;

/**
 * Parses a yuan amount written as text (`59.8`, `59.80`, `¥1,299.00`, `1299元`) into fen.
 * Returns null for anything else: more than two decimals, a sign, exponent notation, empty text.
 */
export function parseYuan(text: string): number | null {
  const s = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .replace(/,/g, '')
    .trim();
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Formats fen as yuan with two decimals ("59.80"); negative amounts keep their sign. */
export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * Splits `amount` fen over `weights` in proportion (largest remainder; ties to the earlier weight), so the
 * parts are integers that add up to `amount` exactly. All-zero weights put everything on the first part.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (total === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const big = BigInt(amount);
  const bt = BigInt(total);
  const parts = weights.map((w) => (big * BigInt(w)) / bt);
  const rems = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % bt }));
  let left = amount - parts.reduce((a, b) => a + Number(b), 0);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = parts.map(Number);
  for (const { i } of rems) {
    if (left <= 0) break;
    out[i]! += 1;
    left--;
  }
  return out;
}
