/**
 * `linli vote tally <file.json>`: recomputes a published owners' vote (Civil Code art. 278) from its tally file,
 * without any database, and prints the eight published numbers as JSON. A malformed file is refused with a
 * message naming the entry (exit code 1).
 */
import { tallyFileText, TallyFileError } from '../server/modules/consult/index.ts';
import type { CommandDef } from './args.ts';

/** `linli vote tally …`. */
export const voteDef: CommandDef = {
  sub: { tally: {} },
  async run([what, file, ...extra], _flags, io) {
    if (what !== 'tally' || !file || extra.length) throw new Error('usage: linli vote tally <file.json>');
    let text: string;
    try {
      text = (await io.readFile(file)).toString('utf8');
    } catch (e) {
      throw new Error(`linli vote tally: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      process.stdout.write(`${JSON.stringify(tallyFileText(text).summary)}\n`);
    } catch (e) {
      if (e instanceof TallyFileError) throw new Error(`linli vote tally: ${file}: ${e.message}`);
      throw e;
    }
  },
};
