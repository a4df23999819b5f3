/**
 * Architecture rules, checked on every `npm test` (docs/CONTRIBUTING.md explains them):
 * 1. no import cycles, type-only imports included;
 * 2. a server module is reached from outside only through its `index.ts` (the web may also use a module's pure
 *    `domain/` rules and its `permissions.ts` table, which must then be pure too);
 * 3. `domain/` folders are pure: they import only other domain code and `src/shared/`;
 * 4. SQL lives only in a module's repository/queries files (and in platform/db, the platform's own SQL home:
 *    migrations, the actor of a session, the health ping, restore's table operations; plus audit and backup);
 * 5. a module's SQL names only the tables that module owns (other modules' data comes through their functions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importEdges, sourceFiles } from './graph.ts';
import { KNOWN_BREACHES } from './debt.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const files = [...sourceFiles(ROOT, 'src'), ...sourceFiles(ROOT, 'bench'), ...sourceFiles(ROOT, 'e2e')];
const edges = importEdges(ROOT, files);
const isTest = (f: string): boolean => /\.test\.tsx?$|\/testing\/|^e2e\//.test(f);
/** Benchmarks measure a module's engine itself, as its tests do, so they may import past its index.ts. */
const isBench = (f: string): boolean => /^bench\//.test(f);
const moduleOf = (f: string): string | undefined => f.match(/^src\/server\/modules\/([^/]+)\//)?.[1];
const isPure = (f: string): boolean => /\/domain\//.test(f) || /\/permissions\.ts$/.test(f) || /^src\/shared\//.test(f);

/** Which module owns each table (its migration and schema file); platform tables belong to no module. */
const OWNER: Record<string, string> = {
  places: 'registry',
  compounds: 'registry',
  buildings: 'registry',
  households: 'registry',
  residents: 'registry',
  facilities: 'registry',
  roads: 'registry',
  candidate_sites: 'registry',
  accounts: 'auth',
  sessions: 'auth',
  cases: 'cases',
  case_events: 'cases',
  case_photos: 'cases',
  case_supporters: 'cases',
  case_notifications: 'cases',
  case_escalation_jobs: 'cases',
  case_idempotency: 'cases',
  case_patrols: 'cases',
  case_api_keys: 'cases',
  circle_networks: 'circle',
  circle_facilities: 'circle',
  calendar_years: 'cases',
  cobuild_units: 'cobuild',
  cobuild_commitments: 'cobuild',
  cobuild_resources: 'cobuild',
  cobuild_members: 'cobuild',
  cobuild_needs: 'cobuild',
  cobuild_projects: 'cobuild',
  cobuild_project_updates: 'cobuild',
  cobuild_evidence: 'cobuild',
  cobuild_volunteers: 'cobuild',
  cobuild_activities: 'cobuild',
  cobuild_signups: 'cobuild',
  cobuild_attendance: 'cobuild',
  cobuild_code_uses: 'cobuild',
  cobuild_hours: 'cobuild',
  cobuild_secrets: 'cobuild',
  care_subjects: 'care',
  care_carers: 'care',
  care_visits: 'care',
  notices: 'notices',
  notice_households: 'notices',
  fund_accounts: 'fund',
  fund_log_heads: 'fund',
  fund_transactions: 'fund',
  fund_lines: 'fund',
  fund_log_nodes: 'fund',
  fund_tree_heads: 'fund',
  fund_signing_keys: 'fund',
  fund_periods: 'fund',
  fund_committee: 'fund',
  fund_expenses: 'fund',
  fund_approvals: 'fund',
  fund_budgets: 'fund',
  fund_idempotency: 'fund',
  shop_suppliers: 'shop',
  shop_products: 'shop',
  shop_product_photos: 'shop',
  shop_stock: 'shop',
  shop_live_sessions: 'shop',
  shop_sales: 'shop',
  shop_sale_lines: 'shop',
  shop_refunds: 'shop',
  shop_refund_lines: 'shop',
  shop_stock_moves: 'shop',
  shop_import_mappings: 'shop',
  shop_imports: 'shop',
  shop_settings: 'shop',
  shop_settlements: 'shop',
  shop_idempotency: 'shop',
  consult_topics: 'consult',
  consult_stage_dates: 'consult',
  consult_topic_cases: 'consult',
  consult_comments: 'consult',
  consult_supports: 'consult',
  consult_proposals: 'consult',
  consult_meetings: 'consult',
  consult_drawings: 'consult',
  consult_votes: 'consult',
  consult_vote_roll: 'consult',
  consult_participants: 'consult',
  consult_ballots: 'consult',
  consult_projects: 'consult',
  consult_milestones: 'consult',
  consult_project_photos: 'consult',
};
/** Platform tables: the audit log and its chain head belong to no module (platform/audit.ts writes them). */
const PLATFORM_TABLES = new Set(['audit_log', 'audit_chain_head']);

const SQL = /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|with)\(|\bsql(<[^>]*>)?`/;
const isSqlHome = (f: string): boolean =>
  /\/(repository|queries)(\.ts|\/)/.test(f) || /^src\/server\/platform\/(db|audit|backup)/.test(f);

/**
 * Checks one rule against the known breaches: nothing new may appear, and a breach that was fixed must be
 * taken off the list, so the list only shrinks.
 */
function ratchet(found: string[], belongs: (entry: string) => boolean): void {
  const known = KNOWN_BREACHES.filter(belongs);
  expect(
    found.filter((f) => !KNOWN_BREACHES.includes(f)),
    'new breaches',
  ).toEqual([]);
  expect(
    known.filter((k) => !found.includes(k)),
    'fixed: remove from debt.ts',
  ).toEqual([]);
}
const isImport = (e: string): boolean => e.includes(' → ');
const isTableUse = (e: string): boolean => /: [a-z_]+ \(\w+\)$/.test(e);

describe('architecture rules', () => {
  it('has no import cycles', () => {
    expect(cycles(edges).map((c) => c.join(' ⇄ '))).toEqual([]);
  });

  it('reaches a server module from outside only through its index.ts', () => {
    const bad = edges.filter((e) => {
      const to = moduleOf(e.to);
      if (!to || moduleOf(e.from) === to || isTest(e.from) || isBench(e.from)) return false;
      if (/^src\/server\/modules\/[^/]+\/index\.ts$/.test(e.to)) return false;
      if (e.from === 'src/server/platform/db/schema.ts' && e.to.endsWith('/schema.ts')) return false;
      return !(e.from.startsWith('src/web/') && isPure(e.to));
    });
    const pureBreaches = new Set(edges.filter((e) => isPure(e.from)).map((e) => `${e.from} → ${e.to}`));
    ratchet(
      bad.map((e) => `${e.from} → ${e.to}`),
      (k) => isImport(k) && !pureBreaches.has(k),
    );
  });

  it('keeps domain code pure', () => {
    const bad = edges.filter((e) => isPure(e.from) && !isTest(e.from) && !isPure(e.to));
    const pure = new Set(edges.filter((e) => isPure(e.from)).map((e) => `${e.from} → ${e.to}`));
    ratchet(
      bad.map((e) => `${e.from} → ${e.to}`),
      (k) => pure.has(k),
    );
  });

  it('keeps SQL in repository/queries files', () => {
    const bad = files
      .filter((f) => f.startsWith('src/') && !isTest(f) && !isSqlHome(f))
      .filter((f) => SQL.test(readFileSync(join(ROOT, f), 'utf8')));
    ratchet(bad, (k) => !isImport(k) && !isTableUse(k));
  });

  it("never queries another module's tables", () => {
    const bad: string[] = [];
    for (const f of files.filter((x) => moduleOf(x) && isSqlHome(x) && !isTest(x))) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      const tableUse = /(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin)\(\s*'([a-z_]+)/g;
      for (const m of text.matchAll(tableUse)) {
        const owner = OWNER[m[1] ?? ''];
        if (owner && owner !== moduleOf(f)) bad.push(`${f}: ${m[1]} (${owner})`);
      }
    }
    ratchet([...new Set(bad)], isTableUse);
  });

  it('knows the owner of every table in the schema', () => {
    const schema = sourceFiles(ROOT, 'src/server').filter((f) => f.endsWith('schema.ts'));
    const tables = schema.flatMap((f) =>
      [...readFileSync(join(ROOT, f), 'utf8').matchAll(/^\s{2}([a-z_]+): [A-Z]\w*Table;/gm)].map((m) => m[1]),
    );
    expect(tables.filter((t) => t && !PLATFORM_TABLES.has(t) && !(t in OWNER))).toEqual([]);
  });
});
