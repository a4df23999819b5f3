/**
 * Append-only audit log: every write records who, when, what, before and after, in the same transaction as
 * the write (so a rolled-back write leaves no audit row and a committed one always has one).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.ts';

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

/** Writes audit rows (one or many) inside the caller's transaction. */
export async function audit(
  trx: Kysely<Database> | Transaction<Database>,
  actor: AuditActor | null,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(list.map((e) => auditRow(actor, e)))
    .execute();
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
    before: JSON.stringify(e.before ?? null),
    after: JSON.stringify(e.after ?? null),
    ip: e.ip ?? null,
  };
}
