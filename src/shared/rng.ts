/**
 * mulberry32: a tiny seeded PRNG, for code that must be a pure function of its seed (the demo generator,
 * synthetic test and benchmark data). Never Math.random there: the same seed must give identical output.
 * @returns a function yielding uniform floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
