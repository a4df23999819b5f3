/**
 * Bulk ballots for the demo story: each voter of the frozen roll (in key order) takes part with probability
 * `take` and says yes / no / abstain with the given shares; about 40% vote online, the rest on numbered paper
 * ballots with a scan. Deterministic from the seeded PRNG (ids too), inserted in bulk to keep the seed fast.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Choice } from '../domain/tally.ts';
import * as repo from '../repository.ts';
import { tile } from './drawings.ts';

/** A v4-shaped UUID from the PRNG (the demo must be reproducible). */
function rngUuid(rng: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Casts the ballots of one vote in bulk. */
export async function castBulk(
  db: Kysely<Database>,
  voteId: string,
  rng: () => number,
  o: { take: number; yes: number; no: number; at: Date; serial: string; skip?: string | undefined },
): Promise<number> {
  const v = await repo.getVote(db, voteId);
  if (!v) throw new AppError('NOT_FOUND');
  const roll = await repo.rollOf(db, v.id);
  const voters = new Map<string, { weight: bigint; households: string[] }>();
  for (const u of roll) {
    const key = v.kind === 'owners' ? u.ownerKey : u.householdId;
    const e = voters.get(key) ?? { weight: 0n, households: [] };
    e.weight += v.kind === 'owners' ? BigInt(u.areaCenti) : 0n;
    e.households.push(u.householdId);
    voters.set(key, e);
  }
  const scan = (await tile('#eeeeee', 'jpeg')).toString('base64');
  const participants: Parameters<typeof repo.insertParticipantsBulk>[1] = [];
  const ballots: Parameters<typeof repo.insertBallotsBulk>[1] = [];
  for (const key of [...voters.keys()].sort()) {
    const e = voters.get(key)!;
    if (o.skip && e.households.includes(o.skip)) continue;
    if (rng() >= o.take) continue;
    const r = rng();
    const choice: Choice = r < o.yes ? 'yes' : r < o.yes + o.no ? 'no' : 'abstain';
    const paper = rng() >= 0.4;
    participants.push({
      vote_id: v.id,
      community_code: v.community_code,
      voter_key: key,
      channel: paper ? 'paper' : 'online',
      account_id: null,
      paper_serial: paper ? `${o.serial}-${String(participants.length + 1).padStart(4, '0')}` : null,
      scan: paper ? scan : null,
      cast_at: o.at,
    });
    ballots.push({
      id: rngUuid(rng),
      vote_id: v.id,
      community_code: v.community_code,
      voter_key: v.secret ? null : key,
      choice,
      weight_area_centi: e.weight.toString(),
      receipt_hash: null,
    });
  }
  // a secret vote's ballots go in id order, not voter order
  if (v.secret) ballots.sort((a, b) => (a.id < b.id ? -1 : 1));
  await db.transaction().execute(async (trx) => {
    await repo.insertParticipantsBulk(trx, participants);
    await repo.insertBallotsBulk(trx, ballots);
  });
  return participants.length;
}
