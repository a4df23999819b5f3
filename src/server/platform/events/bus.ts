/**
 * In-process event bus with optional PostgreSQL LISTEN/NOTIFY fan-out, so that several server instances sharing
 * one PostgreSQL deliver every event to every instance's subscribers (e.g. SSE clients). Events are small JSON
 * objects (NOTIFY payloads must stay below 8000 bytes): send ids and let clients refetch.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';

/** One event on the bus. */
export interface BusEvent {
  topic: string;
  [key: string]: unknown;
}

/** Publish/subscribe across the app (and across instances with the PostgreSQL bus). */
export interface EventBus {
  /** Delivers to local subscribers now and to other instances (PostgreSQL) shortly after. */
  publish(event: BusEvent): Promise<void>;
  /** Subscribes; returns the unsubscribe function. */
  subscribe(fn: (event: BusEvent) => void): () => void;
  close(): Promise<void>;
}

/** The single-instance bus. */
export class LocalBus implements EventBus {
  protected readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  publish(event: BusEvent): Promise<void> {
    this.deliver(event);
    return Promise.resolve();
  }
  /** Delivers to this instance's subscribers; a throwing subscriber does not stop the others. */
  deliver(event: BusEvent): void {
    for (const fn of this.emitter.listeners('event') as ((e: BusEvent) => void)[]) {
      try {
        fn(event);
      } catch {
        /* a subscriber's fault must not break publishing */
      }
    }
  }
  subscribe(fn: (event: BusEvent) => void): () => void {
    this.emitter.on('event', fn);
    return () => {
      this.emitter.off('event', fn);
    };
  }
  close(): Promise<void> {
    this.emitter.removeAllListeners();
    return Promise.resolve();
  }
}

/** Channel used for fan-out. */
export const CHANNEL = 'linli_events';

/**
 * A bus that also NOTIFYs other instances through PostgreSQL and LISTENs for theirs. Each instance tags its
 * payloads with its id and ignores its own echoes (it already delivered them locally). Reconnects after errors.
 */
export class PgBus extends LocalBus {
  private readonly origin = randomUUID();
  private client: pg.Client | null = null;
  private closed = false;
  /** NOTIFYs go out one at a time on the listener connection (pg clients must not run queries concurrently). */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly url: string) {
    super();
  }

  /** Connects and starts listening. */
  static async connect(url: string): Promise<PgBus> {
    const bus = new PgBus(url);
    await bus.open();
    return bus;
  }

  private async open(): Promise<void> {
    const c = new pg.Client({ connectionString: this.url });
    c.on('notification', (msg) => {
      if (!msg.payload) return;
      try {
        const { o, e } = JSON.parse(msg.payload) as { o: string; e: BusEvent };
        if (o !== this.origin) this.deliver(e);
      } catch {
        /* ignore foreign payloads */
      }
    });
    c.on('error', () => {
      this.reconnect(c);
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    this.client = c;
  }

  private reconnect(old: pg.Client): void {
    if (this.closed || this.client !== old) return;
    this.client = null;
    old.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.closed) this.open().catch(() => this.reconnect(old));
    }, 1000).unref();
  }

  override async publish(event: BusEvent): Promise<void> {
    this.deliver(event);
    const c = this.client;
    if (!c) return;
    const payload = JSON.stringify({ o: this.origin, e: event });
    const sent = this.tail.then(() => c.query('SELECT pg_notify($1, $2)', [CHANNEL, payload])).catch(() => undefined); // the listener reconnects; local delivery already happened
    this.tail = sent;
    await sent;
  }

  override async close(): Promise<void> {
    this.closed = true;
    await super.close();
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}
