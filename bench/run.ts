/**
 * `npm run bench`: runs every benchmark on this machine, prints the tables and writes docs/benchmarks.md
 * with the machine and date. Sections: point → grid lookup, start-up, web bundle, accessibility engine
 * (vs pgRouting when PostgreSQL is reachable), case creation (PostgreSQL and PGlite).
 * Pass section names to run only some: `npm run bench -- grid startup`; a partial run replaces only those
 * sections in docs/benchmarks.md (each section is kept between `<!-- bench:NAME -->` markers, so every section
 * carries its own machine line and date).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { machineLine } from './machine.ts';

type Section = { name: string; run: () => Promise<string> };

const sections: Section[] = [
  { name: 'grid', run: async () => (await import('./grid-lookup.ts')).runGridBench() },
  { name: 'startup', run: async () => (await import('./startup.ts')).runStartupBench() },
  { name: 'bundle', run: async () => (await import('./bundle.ts')).runBundleBench() },
  { name: 'circle', run: () => runOptional('./circle.ts', 'runCircleBench') },
  { name: 'cases', run: () => runOptional('./cases.ts', 'runCasesBench') },
  { name: 'cobuild', run: () => runOptional('./cobuild.ts', 'runCobuildBench') },
  { name: 'care', run: () => runOptional('./care.ts', 'runCareBench') },
  { name: 'fund', run: () => runOptional('./fund.ts', 'runFundBench') },
  { name: 'shop', run: () => runOptional('./shop.ts', 'runShopBench') },
  { name: 'consult', run: () => runOptional('./consult.ts', 'runConsultBench') },
];

/** Imports a benchmark module by path (so the runner type-checks before every module exists). */
async function runOptional(path: string, fn: string): Promise<string> {
  const mod = (await import(path)) as Record<string, () => Promise<string>>;
  const run = mod[fn];
  if (!run) throw new Error(`${path} has no ${fn}`);
  return run();
}

const only = process.argv.slice(2);
const OUT = 'docs/benchmarks.md';
const header =
  '# Benchmarks\n\nProduced by `npm run bench`; every number in a section was measured in the run named by the ' +
  "section's machine line (a partial run, `npm run bench -- NAME`, replaces only its own sections).\n";
const blocks = new Map<string, string>();
const parts: string[] = [];
for (const s of sections) {
  if (only.length && !only.includes(s.name)) continue;
  process.stderr.write(`\n== ${s.name}\n`);
  try {
    const md = await s.run();
    console.log(md);
    blocks.set(s.name, `${machineLine()}\n\n${md}`);
  } catch (e) {
    const msg = `## ${s.name}\n\nNot measured in this run: ${e instanceof Error ? e.message : String(e)}\n`;
    console.log(msg);
    blocks.set(s.name, msg);
  }
}
writeFileSync(OUT, merge(only.length && existsSync(OUT) ? readFileSync(OUT, 'utf8') : '', blocks));

/** The document with each measured section replaced between its markers (or appended when new). */
function merge(previous: string, measured: Map<string, string>): string {
  let body = previous ? previous.replace(/^# Benchmarks[\s\S]*?(?=<!-- bench:|$)/, '') : '';
  for (const [name, md] of measured) {
    const block = `<!-- bench:${name} -->\n${md.trim()}\n<!-- /bench:${name} -->\n`;
    const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->\\n?`);
    body = re.test(body) ? body.replace(re, block) : `${body}\n${block}`;
  }
  parts.push(header, body.trim(), '');
  return parts.join('\n');
}
