/**
 * Argument parsing for `linli`, on `node:util` `parseArgs`: every command (and sub-command) declares its options
 * with a type, so a boolean flag such as `--json` never swallows the next argument and an unknown or malformed
 * option is a usage error naming the option and the command's usage (exit code 2).
 */
import { parseArgs as nodeParseArgs } from 'node:util';

/** One declared option: a string takes a value (`--k 3` or `--k=3`), a boolean never does. */
interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once; the values are collected in order. */
  multiple?: boolean;
}

/** Declared options by name (without the leading `--`). */
export type Options = Readonly<Record<string, OptionSpec>>;

/** Parsed option values: a string, `true` for a boolean, or a list for `multiple`. */
export type Flags = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** File access, injectable for tests. */
export interface Io {
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: Buffer | string): Promise<void>;
}

/** What a command does with its positional arguments (after the command name) and its parsed options. */
type Command = (args: string[], flags: Flags, io: Io) => Promise<void>;

/** A `linli` command: its options, or one option set per sub-command (the first positional argument). */
export interface CommandDef {
  options?: Options;
  sub?: Readonly<Record<string, Options>>;
  run: Command;
}

/** A mistake in how the command was typed (unknown option, missing option value): exit code 2 with the usage. */
export class UsageError extends Error {}

/** Every command accepts `--help` / `-h` (prints its usage). */
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** Parses `argv` against `options`; throws {@link UsageError} naming the first unknown or malformed option. */
export function parseOptions(
  argv: string[],
  options: Options,
  usage: string,
  command: string,
): { positionals: string[]; flags: Flags } {
  const all = { ...options, ...HELP_OPTION };
  // A lenient pass first, so the message can name the unknown option itself.
  const loose = nodeParseArgs({ args: argv, options: all, strict: false, allowPositionals: true, tokens: true });
  for (const t of loose.tokens ?? []) {
    if (t.kind === 'option' && !(t.name in all)) {
      throw new UsageError(`linli ${command}: unknown option ${t.rawName}\n\nUsage:\n${usage}`);
    }
  }
  try {
    const { values, positionals } = nodeParseArgs({ args: argv, options: all, strict: true, allowPositionals: true });
    return { positionals, flags: values };
  } catch (e) {
    throw new UsageError(`linli ${command}: ${e instanceof Error ? e.message : String(e)}\n\nUsage:\n${usage}`);
  }
}

/** The positional arguments as a lenient parse sees them (to pick the sub-command before the strict parse). */
export function looseOptions(argv: string[], options: Options): string[] {
  return nodeParseArgs({ args: argv, options, strict: false, allowPositionals: true }).positionals;
}

/** The value of string option `name`, if given (the last one when it was given twice). */
export function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === 'string' ? last : undefined;
}

/** Whether boolean option `name` was given. */
export const bool = (flags: Flags, name: string): boolean => flags[name] === true;

/** All values of a `multiple` option, each also split at commas (`--origin a,b --origin c` → a, b, c). */
export function list(flags: Flags, name: string): string[] {
  const v = flags[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.flatMap((x) => (typeof x === 'string' ? x.split(',') : [])).filter(Boolean);
}

/** The value of a required string option; a plain failure (exit 1) when it is missing or empty. */
export function need(flags: Flags, name: string): string {
  const v = str(flags, name);
  if (!v) throw new Error(`--${name} is required`);
  return v;
}
