/**
 * The consult tables survive `linli backup` / `restore`: closed votes come back with their roll, participants and
 * ballots (the freeze trigger lets a restore write the rows of a vote it created closed in the same transaction),
 * and stay frozen afterwards.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '../../platform/backup.ts';
import { freshDb, testApp, type TestApp } from '../../testing/harness.ts';
import { seedDemoConsult } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemoConsult(t.handle.db, t.clock.now());
}, 180_000);
afterAll(async () => t?.close());

describe('consult backup', () => {
  it('restores closed votes with every ballot, and they stay frozen', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'linli-consult-backup-')), 'b.gz');
    const counts = await backup(t.handle.db, file);
    expect(counts.consult_ballots).toBeGreaterThan(2000);
    const target = await freshDb();
    try {
      const restored = await restore(target.db, file);
      for (const table of ['consult_votes', 'consult_vote_roll', 'consult_participants', 'consult_ballots']) {
        expect(restored[table], table).toBe(counts[table]);
      }
      const closed = await target.db
        .selectFrom('consult_votes')
        .select('id')
        .where('closed_at', 'is not', null)
        .executeTakeFirstOrThrow();
      await expect(target.db.deleteFrom('consult_ballots').where('vote_id', '=', closed.id).execute()).rejects.toThrow(
        /closed/,
      );
    } finally {
      await target.close();
    }
  }, 180_000);
});
