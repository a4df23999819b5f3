import { sql, type Kysely } from 'kysely';

/**
 * Runs a multi-statement SQL script one statement at a time (PGlite's extended protocol refuses several
 * commands in one prepared statement). Statements end with `;` at the end of a line; `$$` bodies are kept whole.
 */
export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const stmt of splitStatements(script)) await sql.raw(stmt).execute(db);
}

/** Splits a script into statements, respecting `$$ … $$` function bodies. */
function splitStatements(script: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inDollar = false;
  for (const line of script.split('\n')) {
    const dollars = line.split('$$').length - 1;
    if (dollars % 2 === 1) inDollar = !inDollar;
    cur += `${line}\n`;
    if (!inDollar && /;\s*$/.test(line)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
