/**
 * In-process event bus with optional PostgreSQL LISTEN/NOTIFY fan-out, so that several server instances sharing
 * one PostgreSQL deliver every event to every instance's subscribers (e.g. SSE clients). Events are small JSON
 * objects (NOTIFY payloads must stay below 8000 bytes): send ids and let clients refetch.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { errFields, silentLogger, type Logger } from '../log.ts';

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
  /** False while events from other instances cannot arrive (the PostgreSQL listener is reconnecting). */
  healthy?(): boolean;
}

/** The single-instance bus. */
export class LocalBus implements EventBus {
  protected readonly emitter = new EventEmitter();
  /** `log` receives subscriber faults (component `bus`, event `bus_subscriber_failed`). */
  constructor(protected readonly log: Logger = silentLogger()) {
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
      } catch (e) {
        // A subscriber's fault must not break publishing, but it must be seen.
        this.log.error(
          { component: 'bus', event: 'bus_subscriber_failed', topic: event.topic, err: errFields(e) },
          'event subscriber failed',
        );
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

/** Reconnect delays of the listener: 0.5 s doubling to at most 30 s, for as long as the bus is open. */
function reconnectDelayMs(attempt: number, baseMs = 500, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
}

/**
 * A bus that also NOTIFYs other instances through PostgreSQL and LISTENs for theirs. Each instance tags its
 * payloads with its id and ignores its own echoes (it already delivered them locally). When the listener
 * connection is lost it reconnects with backoff until it succeeds or the bus is closed, logging every step
 * (component `bus`: `bus_disconnected`, `bus_reconnect_failed`, `bus_reconnected`).
 */
export class PgBus extends LocalBus {
  private readonly origin = randomUUID();
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  /** NOTIFYs go out one at a time on the listener connection (pg clients must not run queries concurrently). */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly url: string,
    log: Logger,
    private readonly baseDelayMs: number,
  ) {
    super(log);
  }

  /** Connects and starts listening. `baseDelayMs` is the first reconnect delay (tests shorten it). */
  static async connect(url: string, log: Logger = silentLogger(), baseDelayMs = 500): Promise<PgBus> {
    const bus = new PgBus(url, log, baseDelayMs);
    await bus.open();
    return bus;
  }

  /** True while the listener connection is up. */
  healthy(): boolean {
    return this.client !== null;
  }

  private async open(): Promise<void> {
    const c = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000, keepAlive: true });
    c.on('notification', (msg) => {
      if (!msg.payload) return;
      try {
        const { o, e } = JSON.parse(msg.payload) as { o: string; e: BusEvent };
        if (o !== this.origin) this.deliver(e);
      } catch {
        /* ignore foreign payloads */
      }
    });
    // 'error' and 'end' both mean the connection is gone; a lost listener must never crash the process.
    c.on('error', (e) => this.lost(c, e));
    c.on('end', () => this.lost(c, new Error('listener connection ended')));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      c.removeAllListeners('end');
      c.end().catch(() => undefined);
      throw e;
    }
    if (this.closed) {
      await c.end().catch(() => undefined);
      return;
    }
    this.client = c;
  }

  private lost(c: pg.Client, e: unknown): void {
    if (this.closed || this.client !== c) return;
    this.client = null;
    c.end().catch(() => undefined);
    this.log.warn({ component: 'bus', event: 'bus_disconnected', err: errFields(e) }, 'event bus listener lost');
    this.schedule(0);
  }

  private schedule(attempt: number): void {
    if (this.closed || this.retry) return;
    const delayMs = reconnectDelayMs(attempt, this.baseDelayMs);
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.closed) return;
      this.open().then(
        () => {
          if (this.client)
            this.log.info({ component: 'bus', event: 'bus_reconnected', attempt: attempt + 1 }, 'event bus listening');
        },
        (e: unknown) => {
          const next = reconnectDelayMs(attempt + 1, this.baseDelayMs);
          this.log.warn(
            {
              component: 'bus',
              event: 'bus_reconnect_failed',
              attempt: attempt + 1,
              nextDelayMs: next,
              err: errFields(e),
            },
            'event bus reconnect failed',
          );
          this.schedule(attempt + 1);
        },
      );
    }, delayMs);
    this.retry.unref();
  }

  override async publish(event: BusEvent): Promise<void> {
    this.deliver(event);
    const c = this.client;
    if (!c) return;
    const payload = JSON.stringify({ o: this.origin, e: event });
    // Local delivery already happened; a lost connection is noticed by the listener, which reconnects.
    const sent = this.tail
      .then(() => c.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]))
      .catch((e: unknown) => {
        this.log.warn(
          { component: 'bus', event: 'bus_notify_failed', topic: event.topic, err: errFields(e) },
          'event not sent to other instances',
        );
      });
    this.tail = sent;
    await sent;
  }

  override async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await super.close();
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}
