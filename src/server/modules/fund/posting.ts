/**
 * Posting a transaction to a community's ledger: checks (pure) → lock the community's log head (serialises
 * every posting of the community, so balances and the log order are decided one at a time) → idempotency on the
 * source → closed periods → lock and check the accounts (no asset account below zero) → append the entry to the
 * Merkle log and the lines to the ledger, in the caller's transaction when given one.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { publicParty } from './domain/party.ts';
import {
  checkLines,
  FIXED_ACCOUNTS,
  INT8_MAX,
  netByAccount,
  overdrawn,
  periodOf,
  type FundLine,
  type LedgerProblem,
} from './domain/ledger.ts';
import { canonicalEntry } from './domain/entry.ts';
import { leafHash } from './domain/merkle.ts';
import { appendLeaf } from './domain/frontier.ts';
import * as repo from './repository/ledger.ts';

/** What to post. `party` (a donor's or payee's name) is masked before it enters the public log. */
export interface PostInput {
  communityCode: string;
  occurredAt: Date;
  memo: string;
  source: { kind: string; ref: string };
  lines: FundLine[];
  actorId: string | null;
  party?: string | null;
  reversesId?: string | null;
}

/** The error of a ledger problem. */
function problemError(p: LedgerProblem): AppError {
  switch (p.kind) {
    case 'bad_amount':
      return new AppError('FUND_BAD_AMOUNT', { params: { line: p.line + 1 } });
    case 'too_many_lines':
      return new AppError('FUND_TOO_MANY_LINES');
    case 'unbalanced':
      return new AppError('FUND_UNBALANCED', { params: { sum: p.sumFen.toString() } });
    case 'unknown_account':
      return new AppError('FUND_UNKNOWN_ACCOUNT', { params: { account: p.account.slice(0, 80) } });
    case 'mixed_pools':
      return new AppError('FUND_MIXED_POOLS', { params: { accounts: p.accounts.join(', ') } });
  }
}

const textOk = (s: unknown, max: number): s is string =>
  typeof s === 'string' && s.trim().length > 0 && s.length <= max && !s.includes('\u0000');

function checkInput(input: PostInput): void {
  if (!(input.occurredAt instanceof Date) || Number.isNaN(input.occurredAt.getTime())) {
    throw new AppError('FUND_BAD_INPUT', { params: { field: 'occurredAt' } });
  }
  if (!textOk(input.memo, 500)) throw new AppError('FUND_BAD_INPUT', { params: { field: 'memo' } });
  if (!textOk(input.source?.kind, 60) || !textOk(input.source?.ref, 120)) {
    throw new AppError('FUND_BAD_INPUT', { params: { field: 'source' } });
  }
  if (!Array.isArray(input.lines)) throw new AppError('FUND_TOO_MANY_LINES');
  // accounts are checked against the community's own list later; amounts and balance first (no database)
  const p = checkLines(input.lines, new Set(input.lines.map((l) => String(l.account))));
  if (p) throw problemError(p);
}

/**
 * Posts a balanced transaction; idempotent on (community, source.kind, source.ref): posting the same source again
 * returns the first transaction (`created: false`), and a different set of lines for it is refused.
 */
export async function postFundTransaction(
  db: Kysely<Database> | Transaction<Database>,
  input: PostInput,
  now: Date = new Date(),
): Promise<{ transactionId: string; created: boolean }> {
  checkInput(input);
  if (db.isTransaction) return post(db as Transaction<Database>, input, now);
  return db.transaction().execute((trx) => post(trx, input, now));
}

async function post(
  trx: Transaction<Database>,
  input: PostInput,
  now: Date,
): Promise<{ transactionId: string; created: boolean }> {
  const community = input.communityCode;
  let head = await repo.lockHead(trx, community);
  if (!head) {
    const accounts = FIXED_ACCOUNTS.map((a) => ({ code: a.code, kind: a.kind, name: a.zh }));
    await repo.ensureLog(trx, community, accounts, now);
    head = (await repo.lockHead(trx, community))!;
  }
  const period = periodOf(input.occurredAt);
  const change = netByAccount(input.lines);
  const state = await repo.stateUnderLock(trx, {
    community,
    kind: input.source.kind,
    ref: input.source.ref,
    period,
    codes: [...change.keys()],
  });
  if (state.priorId) {
    const prior = await repo.linesOf(trx, state.priorId);
    const same =
      prior.length === input.lines.length &&
      prior.every((l, i) => l.account === input.lines[i]!.account && BigInt(l.fen) === input.lines[i]!.amountFen);
    if (!same) throw new AppError('FUND_SOURCE_CONFLICT', { params: input.source });
    return { transactionId: state.priorId, created: false };
  }
  if (state.closed) throw new AppError('FUND_PERIOD_CLOSED', { params: { period: state.closed } });
  const known = new Set(state.accounts.map((a) => a.code));
  const p = checkLines(input.lines, known);
  if (p) throw problemError(p);
  const balances = new Map(state.accounts.map((a) => [a.code, BigInt(a.balance)]));
  const short = overdrawn(balances, change);
  if (short.length) throw new AppError('FUND_INSUFFICIENT', { params: { account: short.join(', ') } });
  for (const [code, d] of change) {
    if ((balances.get(code) ?? 0n) + d > INT8_MAX) throw new AppError('FUND_BAD_AMOUNT', { params: { line: code } });
  }

  const id = uuidv7(now.getTime());
  const seq = head.size;
  const lines = input.lines.map((l) => ({ account: l.account, fen: l.amountFen.toString() }));
  const entry = canonicalEntry({
    seq,
    id,
    at: input.occurredAt.toISOString(),
    period,
    memo: input.memo.trim(),
    party: input.party ? publicParty(input.party) : null,
    source: { kind: input.source.kind, ref: input.source.ref },
    reverses: input.reversesId ?? null,
    lines,
  });
  const leaf = leafHash(entry);
  const frontier = head.frontier.map((f) => ({ level: f.level, hash: Buffer.from(f.hash, 'hex') }));
  const next = appendLeaf(frontier, seq, leaf);
  await repo.appendInOne(trx, {
    changes: change,
    id,
    community,
    seq,
    period,
    occurredAt: input.occurredAt,
    memo: input.memo.trim(),
    sourceKind: input.source.kind,
    sourceRef: input.source.ref,
    reversesId: input.reversesId ?? null,
    actorId: input.actorId,
    entry,
    leafHash: leaf.toString('hex'),
    createdAt: now,
    lines,
    nodes: next.nodes.map((n) => ({ level: n.level, index: n.index, hash: Buffer.from(n.hash).toString('hex') })),
    frontier: next.frontier.map((f) => ({ level: f.level, hash: Buffer.from(f.hash).toString('hex') })),
  });
  return { transactionId: id, created: true };
}
