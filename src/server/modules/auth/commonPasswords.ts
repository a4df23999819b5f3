/**
 * The common-password list, loaded once from the files shipped in `data/` (the top 10,000 of
 * @zxcvbn-ts/language-common, MIT; and a list of Chinese patterns written for Linli), and the check that every
 * password-setting use case calls.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../platform/errors.ts';
import { passwordProblem } from './domain/password.ts';

const FILES = ['common-passwords.txt', 'common-passwords-zh.txt'];

let cached: ReadonlySet<string> | undefined;

/** Every listed password, lower-case (≈ 10,200 entries). */
export function commonPasswords(): ReadonlySet<string> {
  if (!cached) {
    const set = new Set<string>();
    for (const f of FILES)
      for (const line of readFileSync(new URL(`./data/${f}`, import.meta.url), 'utf8').split('\n')) {
        const w = line.trim().toLowerCase();
        if (w && !w.startsWith('#')) set.add(w);
      }
    cached = set;
  }
  return cached;
}

/** Throws WEAK_PASSWORD / PASSWORD_CONTAINS_USERNAME / PASSWORD_TOO_COMMON unless `pw` may be set for `username`. */
export function assertPasswordAllowed(pw: string, username: string): void {
  const p = passwordProblem(pw, username, commonPasswords());
  if (p) throw new AppError(p);
}
