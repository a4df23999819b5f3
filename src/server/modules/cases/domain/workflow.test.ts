import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeCalendar } from './calendar.ts';
import {
  ACTIONS,
  decide,
  dueEscalation,
  openCase,
  type Action,
  type ActionType,
  type CaseState,
  type DecideCtx,
  type Status,
} from './workflow.ts';
import { LEVELS } from './levels.ts';

const cal = makeCalendar();
const C = '620702004006';
const G = `${C}03`;
const ctx = (t: number): DecideCtx => ({
  now: new Date(t),
  cal,
  acceptLimit: { amount: 1, unit: 'work_hours' },
  resolveLimit: { amount: 1, unit: 'work_days' },
});
const T0 = Date.parse('2026-11-27T02:00:00Z');
const STATUSES: Status[] = [
  'registered',
  'dispatched',
  'handling',
  'resolved',
  'closed',
  'evaluated',
  'cancelled',
  'merged',
];

const action = (t: ActionType, n: number): Action => {
  switch (t) {
    case 'dispatch':
      return { type: t, handlerCode: [G, C, `${C}05`, '620702004', '999999'][n % 5]! };
    case 'send_back':
    case 'cancel':
      return { type: t, reason: 'r' };
    case 'verify':
      return { type: t, ok: n % 2 === 0 };
    case 'confirm':
      return { type: t, fixed: n % 3 !== 0 };
    case 'rate':
      return { type: t, score: n % 7 };
    case 'request_extension':
      return { type: t, amount: 1 + (n % 3), unit: 'work_days', reason: 'r' };
    case 'escalate':
      return { type: t, reason: n % 2 ? 'money' : 'coordination' };
    case 'merge':
      return { type: t, intoId: 'x' };
    default:
      return { type: t } as Action;
  }
};

function invariants(s: CaseState) {
  expect(STATUSES).toContain(s.status);
  expect(LEVELS).toContain(s.level);
  const width = { grid: [14, 15], community: [12], street: [9], district: [6] }[s.level];
  expect(width).toContain(s.handlerCode.length);
  expect(s.handlerCode.startsWith(C) || C.startsWith(s.handlerCode)).toBe(true);
  if (s.status === 'evaluated') expect(s.rating).toBeGreaterThanOrEqual(1);
  if (s.status === 'closed' || s.status === 'evaluated') expect(s.closedAt).not.toBeNull();
  if (s.status === 'handling') expect(s.acceptedAt).not.toBeNull();
  if (s.pendingExtension) expect(s.status).toBe('handling');
  expect(s.reworkCount).toBeGreaterThanOrEqual(0);
}

describe('case workflow state machine', () => {
  it('walks the happy path 派遣 → 签收 → 反馈 → 核查结案 → 评价', () => {
    let s = openCase(ctx(T0), G, C);
    expect(s).toMatchObject({ status: 'dispatched', level: 'grid', handlerCode: G });
    for (const a of [
      { type: 'accept' },
      { type: 'resolve' },
      { type: 'confirm', fixed: true },
      { type: 'rate', score: 5 },
    ] as Action[]) {
      const d = decide(s, a, ctx(T0 + 600_000));
      if (!d.ok) throw new Error(d.code);
      s = d.state;
    }
    expect(s).toMatchObject({ status: 'evaluated', rating: 5, acceptedOnTime: true, closedOnTime: true });
  });

  it('refuses illegal transitions with a clear code', () => {
    const s = openCase(ctx(T0), G, C);
    expect(decide(s, { type: 'resolve' }, ctx(T0))).toEqual({ ok: false, code: 'CASE_ILLEGAL_TRANSITION' });
    expect(decide(s, { type: 'rate', score: 5 }, ctx(T0))).toEqual({ ok: false, code: 'CASE_ILLEGAL_TRANSITION' });
  });

  it('escalates grid → community → street → district and no further', () => {
    let s = openCase(ctx(T0), G, C);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = decide(s, { type: 'escalate', reason: 'money' }, ctx(T0));
      if (!d.ok) throw new Error(d.code);
      s = d.state;
      codes.push(s.handlerCode);
    }
    expect(codes).toEqual([C, '620702004', '620702']);
    expect(decide(s, { type: 'escalate', reason: 'money' }, ctx(T0))).toEqual({ ok: false, code: 'CASE_TOP_LEVEL' });
  });

  it('auto escalation is due once accept-by has passed, and not before', () => {
    const s = openCase(ctx(T0), G, C);
    expect(dueEscalation(s, new Date(s.acceptBy!.getTime() - 1))).toBeNull();
    expect(dueEscalation(s, s.acceptBy!)).toBe('overdue_accept');
  });

  it('an approved extension moves resolve-by later; rework counts', () => {
    let s = openCase(ctx(T0), G, C);
    const step = (a: Action) => {
      const d = decide(s, a, ctx(T0));
      if (!d.ok) throw new Error(d.code);
      s = d.state;
    };
    step({ type: 'accept' });
    const before = s.resolveBy;
    step({ type: 'request_extension', amount: 2, unit: 'work_days', reason: '材料' });
    expect(decide(s, { type: 'request_extension', amount: 1, unit: 'work_days', reason: 'x' }, ctx(T0))).toEqual({
      ok: false,
      code: 'CASE_EXTENSION_PENDING',
    });
    step({ type: 'approve_extension' });
    expect(s.resolveBy.getTime()).toBeGreaterThan(before.getTime());
    step({ type: 'resolve' });
    step({ type: 'verify', ok: false });
    expect(s).toMatchObject({ status: 'handling', reworkCount: 1, extensionCount: 1 });
  });

  it('property: any action sequence follows the written workflow (an independent model), not workflow.ts FROM', () => {
    const step = fc.tuple(fc.constantFrom(...ACTIONS), fc.nat(20), fc.integer({ min: 0, max: 48 * 3_600_000 }));
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { maxLength: 40 }), (inGrid, steps) => {
        let s = openCase(ctx(T0), inGrid ? G : null, C);
        let t = T0;
        invariants(s);
        for (const [type, n, dt] of steps) {
          t += dt;
          const a = action(type, n);
          const expected = model(s, a);
          const d = decide(s, a, ctx(t));
          if (expected === 'refuse') {
            expect(d.ok, `${type} from ${s.status}/${s.level} must be refused`).toBe(false);
            continue;
          }
          expect(d.ok, `${type} from ${s.status}/${s.level} must be allowed`).toBe(true);
          if (!d.ok) continue;
          expect(d.state.status).toBe(expected.status);
          if (expected.level) expect(d.state.level).toBe(expected.level);
          s = d.state;
          invariants(s);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: final states accept nothing but rating a closed case', () => {
    for (const st of ['evaluated', 'cancelled', 'merged'] as Status[]) {
      const s = { ...openCase(ctx(T0), G, C), status: st };
      for (const t of ACTIONS) expect(decide(s, action(t, 1), ctx(T0)).ok).toBe(false);
    }
  });
});

type Expected = 'refuse' | { status: Status; level?: CaseState['level'] };
const OPEN: Status[] = ['registered', 'dispatched', 'handling'];
const UP = { grid: 'community', community: 'street', street: 'district', district: null } as const;
const DOWN = { street: 'community', district: 'street' } as const;

/**
 * The workflow as docs/adr/0004-cases.md and CJJ/T 106 describe it, written out independently of workflow.ts:
 * 立案/派遣 → 签收 → 处置 → 反馈 → 核查结案 → 评价, with 回退 one level down,
 * 延期 while handling, 返工 after a failed check, 督办 until resolved, merge/cancel while open.
 * `rate` needs a score 1–5; an extension needs none pending to request and one pending to decide.
 */
function model(s: CaseState, a: Action): Expected {
  const open = OPEN.includes(s.status);
  switch (a.type) {
    case 'dispatch': {
      if (!open) return 'refuse';
      const w = a.handlerCode.length;
      const related = a.handlerCode.startsWith(C) || C.startsWith(a.handlerCode);
      if (![6, 9, 12, 14, 15].includes(w) || !related) return 'refuse';
      return { status: 'dispatched' };
    }
    case 'accept':
      return s.status === 'dispatched' ? { status: 'handling' } : 'refuse';
    case 'send_back':
      if (s.status !== 'dispatched' && s.status !== 'handling') return 'refuse';
      if (s.level === 'community') return 'refuse';
      if (s.level === 'grid') return { status: 'registered', level: 'community' };
      return { status: 'dispatched', level: DOWN[s.level] };
    case 'resolve':
      return s.status === 'handling' ? { status: 'resolved' } : 'refuse';
    case 'verify':
      return s.status === 'resolved' ? { status: a.ok ? 'closed' : 'handling' } : 'refuse';
    case 'confirm':
      return s.status === 'resolved' ? { status: a.fixed ? 'closed' : 'handling' } : 'refuse';
    case 'rate':
      return s.status === 'closed' && a.score >= 1 && a.score <= 5 ? { status: 'evaluated' } : 'refuse';
    case 'request_extension':
      return s.status === 'handling' && !s.pendingExtension && a.amount > 0 ? { status: 'handling' } : 'refuse';
    case 'approve_extension':
    case 'reject_extension':
      return s.status === 'handling' && s.pendingExtension ? { status: 'handling' } : 'refuse';
    case 'escalate': {
      const up = UP[s.level];
      return open && up ? { status: 'dispatched', level: up } : 'refuse';
    }
    case 'supervise':
      return open || s.status === 'resolved' ? { status: s.status } : 'refuse';
    case 'merge':
      return open ? { status: 'merged' } : 'refuse';
    case 'cancel':
      return open ? { status: 'cancelled' } : 'refuse';
  }
}
