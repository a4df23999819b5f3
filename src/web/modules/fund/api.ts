/** The fund API as the web app uses it (amounts stay exact: fen as decimal text, formatted with BigInt). */
import { api, get } from '../../api/client.ts';

/** ¥ text of fen given as decimal text: '1280000' → '12,800.00' (exact, no float). */
export function yuan(fen: string): string {
  const v = BigInt(fen);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const int = (a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${int}.${(a % 100n).toString().padStart(2, '0')}`;
}

/** Fen text of a yuan amount typed by a person ('12800' or '12800.5'); null when not a valid amount. */
export function fenOf(input: string): string | null {
  const m = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(input);
  if (!m) return null;
  const f = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  return f > 0n ? f.toString() : null;
}

export interface Expense {
  id: string;
  caseId: string | null;
  projectRef: string | null;
  purpose: string;
  payee: string;
  amountFen: string;
  status: 'requested' | 'approved' | 'paid' | 'rejected';
  approvalsNeeded: number;
  approvals: { accountId: string; at: string }[];
  requestedBy: string;
  requestedAt: string;
  paidAt: string | null;
  invoiceNumber: string | null;
  hasReceipt: boolean;
}
export interface MoneyCase {
  id: string;
  no: string;
  status: string;
  description: string;
  escalatedAt: string;
}
export interface Overview {
  awaitingApproval: number;
  accounts: {
    code: string;
    kind: string;
    name: string;
    balanceFen: string;
    budgetFen: string | null;
    actualFen: string;
  }[];
}
export interface Member {
  accountId: string;
  name: string;
  title: string;
}
export interface PublicSummary {
  community: { code: string; name: string };
  accounts: { code: string; kind: string; name: string; balanceFen: string }[];
  entries: { seq: number; at: string; memo: string; party: string | null; lines: { account: string; fen: string }[] }[];
  expenses: {
    id: string;
    purpose: string;
    payee: string;
    amountFen: string;
    paidAt: string | null;
    hasReceipt: boolean;
  }[];
  flow: { nodes: string[]; links: { source: string; target: string; fen: string }[] };
  heads: { size: number; root: string; timestamp: string; keyId: string }[];
  keys: { keyId: string; publicKey: string }[];
}

const newKey = (): string => `web-${crypto.randomUUID()}`;

export const fundApi = {
  overview: (c: string) => get<Overview>(`/api/fund/${c}/overview`),
  expenses: (c: string) => get<{ items: Expense[]; moneyCases: MoneyCase[] }>(`/api/fund/${c}/expenses`),
  request: (c: string, body: Record<string, unknown>) => api<Expense>('POST', `/api/fund/${c}/expenses`, body),
  approve: (id: string) => api<Expense>('POST', `/api/fund/expenses/${id}/approve`),
  /** One key per attempt made by the person; a retry of the same attempt reuses it (see PayForm). */
  pay: (id: string, body: { invoiceNumber: string; invoiceCode: string | null; receiptBase64: string }, key: string) =>
    api<Expense>('POST', `/api/fund/expenses/${id}/pay`, body, { 'Idempotency-Key': key }),
  committee: (c: string) => get<{ members: Member[] }>(`/api/fund/${c}/committee`),
  addMember: (c: string, username: string, title: string) =>
    api<{ members: Member[] }>('POST', `/api/fund/${c}/committee`, { username, title }),
  publicSummary: (c: string) => get<PublicSummary>(`/api/public/fund/${c}`),
  newKey,
};
