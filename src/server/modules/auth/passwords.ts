/** Password hashing (its own file: the account use cases and the demo seed share it without the login service). */
import { hash } from '@node-rs/argon2';

/** argon2id hash with the library defaults (≈25 ms here). */
export function hashPassword(pw: string): Promise<string> {
  return hash(pw);
}
