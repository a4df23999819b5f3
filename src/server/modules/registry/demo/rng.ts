/**
 * Small seeded PRNG (mulberry32) so the demo generator is a pure function of its seed.
 * Never use Math.random in the demo: the same seed must give byte-identical output.
 */
import { mulberry32 } from '../../../../shared/rng.ts';

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** In-place Fisher–Yates shuffle; returns the same array. */
  shuffle<T>(items: T[]): T[];
}

/** Create a mulberry32 generator from a 32-bit seed. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const v = items[int(0, items.length - 1)];
      if (v === undefined) throw new RangeError('pick from an empty array');
      return v;
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        const t = items[i] as T;
        items[i] = items[j] as T;
        items[j] = t;
      }
      return items;
    },
  };
}
