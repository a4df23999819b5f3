import { describe, expect, it } from 'vitest';
import { LocalBus, PgBus, type BusEvent } from './bus.ts';
import { freshDb, TEST_PG_URL } from '../../testing/harness.ts';

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
});
