/**
 * One answer for "this ID number is already registered", wherever the other record is. ID numbers are unique
 * across the whole database, so a writer must be refused when the number exists in another community too; the
 * refusal is the same code, status and message whether the record is in the writer's scope or not, whether the
 * pre-check or the unique index (a lost race) catches it, and it comes only after every other check has passed
 * (scope, version), so no request can ask the question without making a valid write. Each refusal is audited
 * with the number masked, so probing for registered numbers leaves a trace.
 */
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from './context.ts';

/** The unique index on residents.id_number (migration 0001: `id_number text UNIQUE`). */
const ID_NUMBER_KEY = 'residents_id_number_key';

/** A write refused because its ID number is registered; returned from the transaction so it can roll back. */
export class Duplicate {
  constructor(readonly scopeCode: string) {}
}

/** Marks a refusal inside a transaction (the transaction returns it; {@link refused} answers after rollback). */
export const duplicate = (scopeCode: string): Duplicate => new Duplicate(scopeCode);

/** Returns the result, or audits the refusal (outside the rolled-back transaction) and throws the one answer. */
export async function refused<T>(ctx: Ctx, result: T | Duplicate, idNumber: string | null): Promise<T> {
  if (!(result instanceof Duplicate)) return result;
  await audit(
    ctx.db,
    { accountId: ctx.actor.accountId, role: ctx.actor.role },
    {
      action: 'refuse',
      entity: 'resident',
      entityId: null,
      scopeCode: result.scopeCode,
      after: { reason: 'DUPLICATE_ID_NUMBER', id_number: idNumber },
      ip: ctx.ip,
    },
  );
  throw new AppError('DUPLICATE_ID_NUMBER');
}

/** Awaits a write, answering a lost race on the ID number's unique index like the pre-check does. */
export async function uniqueId<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (e) {
    const x = e as { code?: string; constraint?: string } | null;
    if (x?.code === '23505' && x.constraint === ID_NUMBER_KEY) throw new AppError('DUPLICATE_ID_NUMBER');
    throw e;
  }
}
