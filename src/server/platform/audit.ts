/**
 * Append-only audit log: every write records who, when, what, before and after, in the same transaction as
 * the write (so a rolled-back write leaves no audit row and a committed one always has one). Reads of
 * sensitive personal data (PIPL art. 51: access must be traceable) are recorded too, as action `read`
 * ({@link auditRead}). Clear ID numbers and password hashes never reach the log: {@link scrubAudit} replaces
 * them before the row is built, so neither a reader nor a leaked backup of the log holds them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.ts';
import { maskIdNumber } from '../../shared/mask.ts';

/** The action of every audit row that records a read of personal data (the auditor's "reads" filter). */
export const READ_ACTION = 'read';

/** Who acted; null for the system (seed, scheduler). */
export interface AuditActor {
  accountId: string;
  role: string;
}

/** One audited change. */
export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  scopeCode: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/**
 * Rows per INSERT: PostgreSQL's protocol carries at most 65,535 parameters in one statement (9 per audit row), so a
 * large import's audit rows go in several statements of the same transaction.
 */
export const AUDIT_ROWS_PER_STATEMENT = 1000;

/** Writes audit rows (one or many) inside the caller's transaction. */
export async function audit(
  trx: Kysely<Database> | Transaction<Database>,
  actor: AuditActor | null,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  for (let i = 0; i < list.length; i += AUDIT_ROWS_PER_STATEMENT) {
    await trx
      .insertInto('audit_log')
      .values(list.slice(i, i + AUDIT_ROWS_PER_STATEMENT).map((e) => auditRow(actor, e)))
      .execute();
  }
}

/**
 * The audit_log row of one entry, for callers that write it as part of a larger single statement (which is
 * atomic on its own, so the same all-or-nothing guarantee holds).
 */
export function auditRow(actor: AuditActor | null, e: AuditEntry) {
  return {
    actor_id: actor?.accountId ?? null,
    actor_role: actor?.role ?? 'system',
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    scope_code: e.scopeCode,
    before: JSON.stringify(scrubAudit(e.before ?? null)),
    after: JSON.stringify(scrubAudit(e.after ?? null)),
    ip: e.ip ?? null,
  };
}

/** Keys whose clear value is never stored: ID numbers are kept as their masked tail, secrets are dropped. */
const ID_KEYS = new Set(['id_number', 'idNumber']);
const SECRET_KEYS = new Set(['password_hash', 'passwordHash', 'password', 'token_hash', 'csrf_token']);
/** An 18-character ID number inside free text (a note, a file name): masked too. */
const ID_IN_TEXT = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g;

/**
 * A copy of `v` (any JSON-like value, nested) with ID numbers masked — under their keys and inside any text —
 * and secrets removed. Dates are left to `JSON.stringify`.
 */
export function scrubAudit(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(ID_IN_TEXT, (m) => maskIdNumber(m));
  if (Array.isArray(v)) return v.map(scrubAudit);
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (SECRET_KEYS.has(k)) continue;
    out[k] = ID_KEYS.has(k) && typeof x === 'string' ? maskIdNumber(x) : scrubAudit(x);
  }
  return out;
}

/** One read of personal data: what kind of data, under which place code, how many records, and how asked. */
export interface AuditRead {
  /** What was read, e.g. `resident`, `household`, `ledger`, `case.reporter`, `patrol`. */
  entity: string;
  entityId?: string | null;
  /** The place code whose data was read (the scope asked for). */
  scopeCode: string | null;
  /** Records of personal data returned. */
  rows: number;
  /** How it was asked (filters; an ID number or phone in it is stored masked). */
  query?: Record<string, unknown>;
  ip?: string | null;
}

/** Records a read of sensitive personal data (who, what, scope, how many rows) as an audit row. */
export async function auditRead(
  db: Kysely<Database> | Transaction<Database>,
  actor: AuditActor,
  r: AuditRead,
): Promise<void> {
  await audit(db, actor, {
    action: READ_ACTION,
    entity: r.entity,
    entityId: r.entityId ?? null,
    scopeCode: r.scopeCode,
    after: { rows: r.rows, ...(r.query ? { query: r.query } : {}) },
    ip: r.ip ?? null,
  });
}
