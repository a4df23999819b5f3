/** `linli calendar import <file.json> --year <yyyy>`: one year of holidays and 调休 working days. */
import { basename } from 'node:path';
import { importYear, yearBody } from '../server/modules/cases/index.ts';
import { AppError } from '../server/platform/errors.ts';
import { need, type CommandDef } from './args.ts';
import { withDb } from './shared.ts';

/** `linli calendar import …`. */
export const calendarDef: CommandDef = {
  sub: { import: { year: { type: 'string' } } },
  async run([what, file], flags, io) {
    if (what !== 'import' || !file) throw new Error('usage: linli calendar import <file.json> --year <yyyy>');
    const year = Number(need(flags, 'year'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error('--year must be a year, e.g. 2027');
    let parsed: unknown;
    try {
      parsed = JSON.parse((await io.readFile(file)).toString('utf8'));
    } catch {
      throw new AppError('BAD_FILE', { params: { reason: 'not JSON' } });
    }
    const body = yearBody.safeParse(parsed);
    if (!body.success) {
      throw new AppError('BAD_FILE', {
        params: { reason: 'expected { holidays: [...], workdays: [...], provisional? }' },
      });
    }
    await withDb(async (h) => {
      const s = await importYear(h.db, null, year, body.data, `cli:${basename(file)}`, new Date());
      console.log(
        JSON.stringify({
          year: s.year,
          holidays: s.holidays.length,
          workdays: s.workdays.length,
          provisional: s.provisional,
        }),
      );
      console.log('running servers pick the new table up when they restart');
    });
  },
};
