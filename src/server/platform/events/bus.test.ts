import { describe, expect, it } from 'vitest';
import { CHANNEL, LocalBus, PgBus, type BusEvent } from './bus.ts';
import { freshDb, TEST_PG_URL } from '../../testing/harness.ts';
import { createLogger } from '../log.ts';
import pg from 'pg';

describe('event bus', () => {
  it('delivers to local subscribers and survives a throwing one', async () => {
    const bus = new LocalBus();
    const got: BusEvent[] = [];
    bus.subscribe(() => {
      throw new Error('x');
    });
    const off = bus.subscribe((e) => got.push(e));
    await bus.publish({ topic: 't', n: 1 });
    off();
    await bus.publish({ topic: 't', n: 2 });
    expect(got).toEqual([{ topic: 't', n: 1 }]);
    await bus.close();
  });

  it.skipIf(!TEST_PG_URL)('fans out between two instances through LISTEN/NOTIFY, once each', async () => {
    const h = await freshDb();
    const [a, b] = await Promise.all([PgBus.connect(h.url!), PgBus.connect(h.url!)]);
    const atA: BusEvent[] = [],
      atB: BusEvent[] = [];
    a.subscribe((e) => atA.push(e));
    const arrived = new Promise<void>((res) =>
      b.subscribe((e) => {
        atB.push(e);
        res();
      }),
    );
    await a.publish({ topic: 'case', id: 'x' });
    await arrived;
    await new Promise((r) => setTimeout(r, 100));
    expect(atA).toEqual([{ topic: 'case', id: 'x' }]);
    expect(atB).toEqual([{ topic: 'case', id: 'x' }]);
    await a.close();
    await b.close();
    await h.close();
  });

  it.skipIf(!TEST_PG_URL)('a lost listener connection is logged, reconnected, and events arrive again', async () => {
    const h = await freshDb();
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('info', {
      write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>),
    });
    const bus = await PgBus.connect(h.url!, log, 50);
    const admin = new pg.Client({ connectionString: h.url! });
    await admin.connect();
    try {
      // Kill the listener's server process, as a failover or an administrator would.
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      );
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && !lines.some((l) => l.event === 'bus_reconnected'))
        await new Promise((r) => setTimeout(r, 50));
      expect(lines.find((l) => l.event === 'bus_disconnected')).toMatchObject({ component: 'bus', level: 40 });
      expect(lines.find((l) => l.event === 'bus_reconnected')).toMatchObject({ component: 'bus', level: 30 });
      expect(bus.healthy()).toBe(true);
      const got = new Promise<BusEvent>((res) => bus.subscribe(res));
      await admin.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ o: 'other', e: { topic: 'again' } })]);
      expect(await got).toEqual({ topic: 'again' });
    } finally {
      await admin.end();
      await bus.close();
      await h.close();
    }
  });
});
