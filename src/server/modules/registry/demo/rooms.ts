/**
 * Chooses which dwellings of each compound block are registered households so that every block meets its
 * household target exactly, and gives each dwelling its exclusive floor area (m² × 100). Dwellings above
 * the target stay unregistered (vacant, storage or merged), which real registers also show.
 */
import { BUILDING_TYPES } from './plan.ts';
import type { Layout } from './layout.ts';
import type { Rng } from './rng.ts';

/** A dwelling that will become one household. */
export interface Room {
  buildingKey: string;
  compoundKey: string;
  gridSeq: number;
  unit: string;
  room: string;
  areaCentiM2: number;
  /** Bungalows have no property certificate: their area is surveyed. */
  bungalow: boolean;
}

/** Pick rooms for every compound block of the layout; total = Σ block targets. */
export function pickRooms(layout: Layout, rng: Rng): Room[] {
  const out: Room[] = [];
  layout.blockTargets.forEach((target, blockIndex) => {
    const slots = layout.residential.filter((s) => s.block === blockIndex);
    const caps = slots.map((s) => {
      const t = BUILDING_TYPES[s.type];
      return t.floors * t.units * t.doors;
    });
    const totalCap = caps.reduce((a, b) => a + b, 0);
    if (totalCap < target.households)
      throw new Error(`block ${target.c},${target.r}: capacity ${totalCap} < ${target.households}`);
    // Largest-remainder apportionment of the block target over its buildings.
    const quotas = caps.map((cap) => (target.households * cap) / totalCap);
    const counts = quotas.map(Math.floor);
    let left = target.households - counts.reduce((a, b) => a + b, 0);
    const order = quotas.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order) {
      if (left-- <= 0) break;
      counts[i] = (counts[i] ?? 0) + 1;
    }
    slots.forEach((slot, i) => {
      const t = BUILDING_TYPES[slot.type];
      const bungalow = slot.type === 'bungalow';
      const all: Room[] = [];
      for (let u = 1; u <= t.units; u++) {
        for (let d = 1; d <= t.doors; d++) {
          // One plan per stack: the same door has the same area on every floor.
          const area = rng.int(t.area[0] * 100, t.area[1] * 100);
          for (let f = 1; f <= t.floors; f++) {
            all.push({
              buildingKey: slot.building.key,
              compoundKey: target.compound,
              gridSeq: target.gridSeq,
              unit: String(u),
              room: `${f}${String(d).padStart(2, '0')}`,
              areaCentiM2: area,
              bungalow,
            });
          }
        }
      }
      const keep = new Set(rng.shuffle(all.map((_, k) => k)).slice(0, counts[i] ?? 0));
      const kept = all.filter((_, k) => keep.has(k));
      kept.sort((a, b) => Number(a.unit) - Number(b.unit) || Number(a.room) - Number(b.room));
      out.push(...kept);
    });
  });
  return out;
}
