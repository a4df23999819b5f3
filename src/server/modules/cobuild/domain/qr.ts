/**
 * Rotating check-in codes (pure part). The code shown at the place is an HMAC of the activity id and the 30-second
 * time step (computed outside domain/, with the server's secret). A code is accepted during its own step and the
 * next one only, so a screenshot sent home stops working within 30–60 s.
 */

/** Length of one step (ms). */
export const STEP_MS = 30_000;

/** The time step of an instant. */
export function stepOf(nowMs: number): number {
  return Math.floor(nowMs / STEP_MS);
}

/** Steps whose code is accepted at `nowMs`: the current one and the previous one, current first. */
export function acceptedSteps(nowMs: number): [number, number] {
  const s = stepOf(nowMs);
  return [s, s - 1];
}

/** When the code of `step` stops being shown (ms). */
export function stepEndsAt(step: number): number {
  return (step + 1) * STEP_MS;
}

/** The message the HMAC signs: one per activity and step. */
export function codeMessage(activityId: string, step: number): string {
  return `linli-checkin:${activityId}:${step}`;
}

/** Crockford base32 without I, L, O, U: unambiguous when typed by hand. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of a code (8 × 5 bits = 40 bits). */
export const CODE_LENGTH = 8;

/** Turns HMAC bytes into a code of {@link CODE_LENGTH} characters. */
export function codeFromDigest(digest: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of digest) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += CODE_ALPHABET[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
    if (out.length === CODE_LENGTH) break;
  }
  return out;
}

/** A typed code normalised: upper case, spaces and dashes dropped, O→0 and I/L→1 as Crockford reads them. */
export function normaliseCode(s: string): string {
  return s.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
