/**
 * `npm run bench`: runs every benchmark on this machine, prints the tables and writes docs/benchmarks.md
 * with the machine and date. Sections: point → grid lookup, start-up, web bundle, accessibility engine
 * (vs pgRouting when PostgreSQL is reachable), case creation (PostgreSQL and PGlite).
 * Pass section names to run only some: `npm run bench -- grid startup`.
 */
import { writeFileSync } from 'node:fs';
import { machineLine } from './machine.ts';

type Section = { name: string; run: () => Promise<string> };

const sections: Section[] = [
  { name: 'grid', run: async () => (await import('./grid-lookup.ts')).runGridBench() },
  { name: 'startup', run: async () => (await import('./startup.ts')).runStartupBench() },
  { name: 'bundle', run: async () => (await import('./bundle.ts')).runBundleBench() },
  { name: 'circle', run: () => runOptional('./circle.ts', 'runCircleBench') },
  { name: 'cases', run: () => runOptional('./cases.ts', 'runCasesBench') },
];

/** Imports a benchmark module by path (so the runner type-checks before every module exists). */
async function runOptional(path: string, fn: string): Promise<string> {
  const mod = (await import(path)) as Record<string, () => Promise<string>>;
  const run = mod[fn];
  if (!run) throw new Error(`${path} has no ${fn}`);
  return run();
}

const only = process.argv.slice(2);
const parts: string[] = [
  `# Benchmarks\n\n${machineLine()}\n\nProduced by \`npm run bench\`; every number below was measured in that run.\n`,
];
for (const s of sections) {
  if (only.length && !only.includes(s.name)) continue;
  process.stderr.write(`\n== ${s.name}\n`);
  try {
    const md = await s.run();
    console.log(md);
    parts.push(md);
  } catch (e) {
    const msg = `## ${s.name}\n\nNot measured in this run: ${e instanceof Error ? e.message : String(e)}\n`;
    console.log(msg);
    parts.push(msg);
  }
}
if (!only.length) writeFileSync('docs/benchmarks.md', parts.join('\n'));
else process.stderr.write('(partial run: docs/benchmarks.md not rewritten)\n');
