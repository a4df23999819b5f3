/**
 * Ledger rules (pure): accounts, amounts in integer fen as `bigint`, balanced transactions, ring-fenced
 * maintenance funds (维修资金, Civil Code art. 281: they belong to one compound's owners and are never mixed), and
 * asset accounts that can never go below zero. Failures are values ({@link LedgerProblem}); the service turns
 * them into errors.
 */
import { SHANGHAI_OFFSET_MS } from '../../../../shared/time.ts';

/** One posting: positive = debit, negative = credit (fen). The lines of a transaction sum to zero. */
export interface FundLine {
  account: string;
  amountFen: bigint;
}

/** Kind of an account: asset (money the fund holds), income (credit side) or expense (debit side). */
export type AccountKind = 'asset' | 'income' | 'expense';

/** The accounts every community has, with their kind and names (zh-CN, en). */
export const FIXED_ACCOUNTS: readonly { code: string; kind: AccountKind; zh: string; en: string }[] = [
  { code: 'bank', kind: 'asset', zh: '社区基金账户', en: 'Community fund (bank)' },
  { code: 'income:shop', kind: 'income', zh: '甘州铺子利润分成', en: 'Shop profit share' },
  { code: 'income:donation', kind: 'income', zh: '社会捐赠', en: 'Donations' },
  { code: 'income:grant', kind: 'income', zh: '政府补助', en: 'Government grants' },
  { code: 'income:partner', kind: 'income', zh: '共建单位出资', en: 'Partner-unit contributions' },
  { code: 'income:owners', kind: 'income', zh: '业主缴存维修资金', en: "Owners' maintenance deposits" },
  { code: 'expense:repair', kind: 'expense', zh: '维修支出', en: 'Repairs' },
  { code: 'expense:project', kind: 'expense', zh: '项目支出', en: 'Projects' },
];

/** Prefix of a compound's ring-fenced maintenance fund account (`maintenance:<compound id>`). */
export const MAINTENANCE = 'maintenance:';

/** Largest amount of one line: ¥100 billion, so no sum of a transaction's lines can leave int8. */
const MAX_LINE_FEN = 10n ** 13n;
/** Most lines in one transaction. */
const MAX_LINES = 50;
/** PostgreSQL bigint's largest value: no balance may pass it. */
export const INT8_MAX = 2n ** 63n - 1n;

/** The kind of an account code, or null when the code is not a fund account. */
export function accountKind(code: string): AccountKind | null {
  const fixed = FIXED_ACCOUNTS.find((a) => a.code === code);
  if (fixed) return fixed.kind;
  return /^maintenance:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(code) ? 'asset' : null;
}

/** What is wrong with a transaction. */
export type LedgerProblem =
  | { kind: 'bad_amount'; line: number }
  | { kind: 'too_many_lines' }
  | { kind: 'unbalanced'; sumFen: bigint }
  | { kind: 'unknown_account'; account: string }
  | { kind: 'mixed_pools'; accounts: string[] };

/**
 * Checks a transaction's lines: 2..MAX_LINES lines, each a non-zero bigint within ±MAX_LINE_FEN, on a known
 * account (`known`: the community's accounts), summing to zero, touching at most one asset pool (the bank or one
 * compound's maintenance fund: money never moves between pools inside the ledger).
 */
export function checkLines(lines: readonly FundLine[], known: ReadonlySet<string>): LedgerProblem | null {
  if (lines.length < 2 || lines.length > MAX_LINES) return { kind: 'too_many_lines' };
  let sum = 0n;
  for (const [i, l] of lines.entries()) {
    const a = l.amountFen as unknown;
    if (typeof a !== 'bigint' || a === 0n || a > MAX_LINE_FEN || a < -MAX_LINE_FEN)
      return { kind: 'bad_amount', line: i };
    sum += a;
  }
  for (const l of lines) {
    if (!known.has(l.account) || accountKind(l.account) === null)
      return { kind: 'unknown_account', account: l.account };
  }
  if (sum !== 0n) return { kind: 'unbalanced', sumFen: sum };
  const pools = [...new Set(lines.filter((l) => accountKind(l.account) === 'asset').map((l) => l.account))];
  if (pools.length > 1) return { kind: 'mixed_pools', accounts: pools };
  return null;
}

/** The net change per account of a transaction (debits positive). */
export function netByAccount(lines: readonly FundLine[]): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const l of lines) m.set(l.account, (m.get(l.account) ?? 0n) + l.amountFen);
  return m;
}

/** Asset accounts that the change would take below zero (balances before, in fen). */
export function overdrawn(balances: ReadonlyMap<string, bigint>, change: ReadonlyMap<string, bigint>): string[] {
  const out: string[] = [];
  for (const [acct, d] of change) {
    if (accountKind(acct) !== 'asset') continue;
    if ((balances.get(acct) ?? 0n) + d < 0n) out.push(acct);
  }
  return out;
}

/** The accounting period (Shanghai calendar month, 'YYYY-MM') of an instant. */
export function periodOf(t: Date): string {
  return new Date(t.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** Parses decimal fen text (as the database returns int8 cast to text) into a bigint. */
export function fen(text: string | number | bigint): bigint {
  if (typeof text === 'bigint') return text;
  if (typeof text === 'number') {
    if (!Number.isSafeInteger(text)) throw new RangeError(`not an exact integer amount: ${text}`);
    return BigInt(text);
  }
  if (!/^-?\d+$/.test(text)) throw new RangeError(`not an integer amount: ${text}`);
  return BigInt(text);
}

/** ¥ text of fen, exact (no float): 123456n → '1234.56'. */
export function yuan(f: bigint): string {
  const neg = f < 0n;
  const a = neg ? -f : f;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}
