/**
 * `linli admin create`: the first administrator of a real installation (and more district administrators
 * later). The password is typed at a hidden prompt twice on a terminal, or read from the first line of standard
 * input when it is piped (`printf '%s\n' "$PW" | npx linli admin create --username admin`); never a flag, so it
 * stays out of shell history and `ps`.
 */
import { createAdministrator } from '../server/modules/auth/index.ts';
import { str, type CommandDef, type Flags } from './args.ts';
import { withDb } from './shared.ts';

const USAGE =
  'usage: linli admin create --username <name> [--name <display name>] ' +
  '[--district <6-digit code> [--district-name <name>]]   (password from a prompt or the first line of stdin)';

/** Reads one line from a terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let buf = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(buf);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        buf = ch === '\u007f' || ch === '\b' ? Array.from(buf).slice(0, -1).join('') : buf + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of piped standard input. */
async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const a = await promptHidden('New administrator password / 新管理员密码: ');
  const b = await promptHidden('Repeat / 再输入一次: ');
  if (a !== b) throw new Error('The two passwords differ / 两次输入的密码不一致');
  return a;
}

/** `linli admin <sub>`. */
async function adminCommand(args: string[], flags: Flags): Promise<void> {
  const [sub] = args;
  const username = str(flags, 'username');
  if (sub !== 'create' || !username) throw new Error(USAGE);
  const password = await readPassword();
  await withDb(async (h) => {
    const r = await createAdministrator(
      h.db,
      {
        username,
        displayName: str(flags, 'name'),
        password,
        district: str(flags, 'district'),
        districtName: str(flags, 'district-name'),
      },
      new Date(),
    );
    console.log(
      `created district administrator ${r.username} for ${r.district}` +
        (r.districtCreated ? ' (district created)' : '') +
        ' — log in with this username and the password you typed',
    );
  });
}

const S = { type: 'string' } as const;

/** `linli admin create --username <name> [--name …] [--district <code> --district-name <name>]`. */
export const adminDef: CommandDef = {
  sub: { create: { username: S, name: S, district: S, 'district-name': S } },
  run: adminCommand,
};
