/**
 * `linli` argument parsing (no database): declared options, the `--json` bug, usage errors, per-command help, and
 * every invocation documented in README.md and docs/*.md, so a renamed command or option cannot slip by.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { UsageError } from './args.ts';
import { commands, HELP, parseCommandLine, usageOf } from './table.ts';

const parse = (line: string) => parseCommandLine(line.split(' '));
function run(line: string) {
  const inv = parse(line);
  if (inv.kind !== 'run') throw new Error(`${line}: ${inv.kind}`);
  return { name: inv.name, sub: inv.sub, args: inv.args, flags: { ...inv.flags } };
}
function usageError(line: string): string {
  try {
    parse(line);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`${line}: parsed without a usage error`);
}

describe('linli argument parsing', () => {
  it('a boolean flag never takes the next argument: circle coverage --json --community X', () => {
    expect(run('circle coverage --json --community 620702004006')).toEqual({
      name: 'circle',
      sub: 'coverage',
      args: ['coverage'],
      flags: { json: true, community: '620702004006' },
    });
    expect(run('circle coverage --community 620702004006 --json --profile elderly').flags).toEqual({
      community: '620702004006',
      json: true,
      profile: 'elderly',
    });
  });

  it('parses positionals, --key value and --key=value, options before the sub-command, repeated lists', () => {
    expect(run('import geojson a.json --community 620702004006 --kind=grids')).toEqual({
      name: 'import',
      sub: 'geojson',
      args: ['geojson', 'a.json'],
      flags: { community: '620702004006', kind: 'grids' },
    });
    expect(run('import --community 620702004006 ledger a.csv').args).toEqual(['ledger', 'a.csv']);
    expect(run('open311-key app --community 1 --origin https://a,https://b --origin https://c').flags).toEqual({
      community: '1',
      origin: ['https://a,https://b', 'https://c'],
    });
  });

  it('refuses unknown and malformed options naming the option and showing the usage', () => {
    const unknown = usageError('circle coverage --bogus --community 620702004006');
    expect(unknown).toContain('linli circle coverage: unknown option --bogus');
    expect(unknown).toContain('  circle coverage [--community <code>]');
    expect(unknown).not.toContain('circle sites');
    // an option of another sub-command is not an option of this one
    expect(usageError('import ledger a.csv --community 1 --kind grids')).toContain('unknown option --kind');
    expect(usageError('circle coverage --json=yes')).toContain("'--json'");
    expect(usageError('calendar import f.json --year')).toContain("'--year");
    expect(usageError('backup b.gz --force')).toContain('linli backup: unknown option --force');
    expect(usageError('frobnicate')).toBe(`Unknown command: frobnicate\n\n${HELP}`);
  });

  it('prints the usage of one command with --help, and the whole help otherwise', () => {
    expect(parse('circle coverage --help')).toEqual({ kind: 'help', text: usageOf('circle', 'coverage') });
    expect(usageOf('circle', 'coverage')).toMatch(/^ {2}circle coverage \[--community <code>\].*\[--json\]\n$/);
    expect(parse('circle -h')).toEqual({ kind: 'help', text: usageOf('circle') });
    expect(usageOf('circle').split('\n').filter(Boolean)).toHaveLength(5);
    expect(parse('admin create --help')).toEqual({ kind: 'help', text: usageOf('admin', 'create') });
    expect(parse('help audit')).toEqual({ kind: 'help', text: usageOf('audit') });
    expect(parse('serve --help')).toEqual({ kind: 'help', text: usageOf('serve') });
    for (const line of ['help', '--help', '-h']) expect(parse(line)).toEqual({ kind: 'help', text: HELP });
    expect(parseCommandLine([])).toEqual({ kind: 'serve' });
  });

  it('every command and sub-command has help lines, and every option they name is declared', () => {
    for (const [name, def] of Object.entries(commands)) {
      const subs = def.sub ? Object.entries(def.sub) : [[undefined, def.options ?? {}] as const];
      for (const [sub, options] of subs) {
        const words = sub ? [name, sub] : [name];
        const usage = usageOf(...words);
        expect(usage.trim(), words.join(' ')).not.toBe('');
        for (const [, opt] of usage.matchAll(/--([a-z][\w-]*)/g))
          expect(Object.keys(options), `${words.join(' ')} --${opt}`).toContain(opt);
      }
    }
  });

  it("parses the README's command-line section as documented", () => {
    expect(run('admin create --username admin --district 620702 --district-name 甘州区').flags).toEqual({
      username: 'admin',
      district: '620702',
      'district-name': '甘州区',
    });
    expect(run('import ledger households.xlsx --community 620702004006').flags).toEqual({ community: '620702004006' });
    expect(run('export ledger out.csv --community 620702004006').args).toEqual(['ledger', 'out.csv']);
    expect(run('import geojson grids.json --community 620702004006 --kind grids --crs gcj02').flags).toEqual({
      community: '620702004006',
      kind: 'grids',
      crs: 'gcj02',
    });
    expect(run('audit verify --expect 5:ab --file linli.backup.gz').flags).toEqual({
      expect: ['5:ab'],
      file: 'linli.backup.gz',
    });
    expect(run('circle import fixtures/osm/monaco.osm.pbf --name monaco').flags).toEqual({ name: 'monaco' });
    expect(run('circle facilities facilities.xlsx --crs gcj02').flags).toEqual({ crs: 'gcj02' });
    expect(run('circle coverage --profile elderly').flags).toEqual({ profile: 'elderly' });
    expect(run('circle sites --category elderly_day_care --for elderly --k 3').flags).toEqual({
      category: 'elderly_day_care',
      for: 'elderly',
      k: '3',
    });
    expect(run('circle report circle.pdf --lang en')).toMatchObject({
      args: ['report', 'circle.pdf'],
      flags: { lang: 'en' },
    });
    expect(run('calendar import 2027.json --year 2027').flags).toEqual({ year: '2027' });
    expect(run('open311-key city-app --community 620702004006 --origin https://app.city.example').flags).toEqual({
      community: '620702004006',
      origin: ['https://app.city.example'],
    });
    for (const line of ['migrate', 'seed-demo', 'backup linli.backup.gz', 'restore linli.backup.gz'])
      expect(run(line).flags, line).toEqual({});
  });

  it('parses every `linli …` invocation written in README.md and docs/*.md', () => {
    const files = [
      'README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const seen: string[] = [];
    // up to the end of the code span, a shell comment, `&&`, `;` or a pipe; [optional] parts are tried as given
    for (const file of files)
      for (const text of readFileSync(file, 'utf8').split('\n'))
        for (const m of text.matchAll(/(?<![\w/.-])linli ([a-z][\w-]*(?:[^`#&;|\n])*)/g)) {
          const argv = m[1]!.replace(/[[\]]/g, ' ').trim().split(/\s+/);
          const where = `${file}: linli ${m[1]!.trim()}`;
          expect(['serve', 'help', ...Object.keys(commands)], where).toContain(argv[0]);
          expect(() => parseCommandLine(argv), where).not.toThrow();
          seen.push(argv.slice(0, 2).join(' '));
        }
    // The extraction itself must keep finding the documented commands.
    expect(seen.length).toBeGreaterThanOrEqual(40);
    for (const c of ['circle coverage', 'circle sites', 'import geojson', 'audit verify', 'open311-key city-app'])
      expect(seen).toContain(c);
    expect(seen.some((s) => s.startsWith('calendar import'))).toBe(true);
  });
});
