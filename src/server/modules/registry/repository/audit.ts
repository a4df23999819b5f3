/** The registry's audit-log query (the log is the platform's; the registry shows it to its staff). */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { likePrefix } from '../../../platform/db/like.ts';
import { READ_ACTION } from '../../../platform/audit.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Audit entries under a scope, newest first, a page after `beforeId` plus one row (another page exists); `kind`
 * 'read' keeps the reads of personal data, 'write' the rest.
 */
export async function listAudit(
  db: Db,
  o: {
    code: string;
    entity?: string | undefined;
    kind?: 'read' | 'write' | undefined;
    beforeId: string | null;
    limit: number;
  },
) {
  let base = db
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('scope_code', 'like', likePrefix(o.code)), eb('scope_code', 'is', null)]));
  if (o.entity) base = base.where('entity', '=', o.entity);
  if (o.kind === 'read') base = base.where('action', '=', READ_ACTION);
  if (o.kind === 'write') base = base.where('action', '<>', READ_ACTION);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const page = o.beforeId ? base.where(sql<boolean>`id < ${o.beforeId}::bigint`) : base;
  const items = await page
    .selectAll()
    .orderBy('id', 'desc')
    .limit(o.limit + 1)
    .execute();
  return { total: Number(total.n), items };
}
