/**
 * The working calendar's year tables move into the database, so a district admin can import next year's
 * holidays when the State Council publishes them (no release needed). Seeded with the built-in years as they
 * were when this migration was written: the data is copied here, not imported from the cases module, because a
 * migration is frozen history (a later change to the built-in years must not change what this migration wrote).
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../script.ts';

/** One year's schedule (ISO dates, Asia/Shanghai). */
interface YearSchedule {
  year: number;
  holidays: string[];
  workdays: string[];
  provisional: boolean;
}

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** The built-in schedules 2024–2027 as they were in cases/domain/holidays.ts when this migration was written. */
const BUILT_IN_YEARS: readonly YearSchedule[] = [
  {
    year: 2024,
    provisional: false, // 国办发明电〔2023〕7号
    holidays: [
      '2024-01-01',
      ...range('2024-02-10', '2024-02-17'),
      ...range('2024-04-04', '2024-04-06'),
      ...range('2024-05-01', '2024-05-05'),
      '2024-06-10',
      ...range('2024-09-15', '2024-09-17'),
      ...range('2024-10-01', '2024-10-07'),
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    provisional: false, // 国办发明电〔2024〕12号
    holidays: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    provisional: false, // 国办发明电〔2025〕7号
    holidays: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    year: 2027,
    provisional: true, // statutory days only: 元旦, 除夕–初三, 清明, 5/1–2, 端午, 中秋, 10/1–3
    holidays: [
      '2027-01-01',
      ...range('2027-02-05', '2027-02-08'),
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      ...range('2027-10-01', '2027-10-03'),
    ],
    workdays: [],
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE calendar_years (
      year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
      holidays jsonb NOT NULL,
      workdays jsonb NOT NULL,
      provisional boolean NOT NULL,
      source text NOT NULL,
      updated_at timestamptz NOT NULL
    );
    `,
  );
  for (const s of BUILT_IN_YEARS) {
    await sql`INSERT INTO calendar_years (year, holidays, workdays, provisional, source, updated_at)
      VALUES (${s.year}, ${JSON.stringify(s.holidays)}::jsonb, ${JSON.stringify(s.workdays)}::jsonb,
        ${s.provisional}, 'built-in', now())`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE calendar_years`.execute(db);
}
