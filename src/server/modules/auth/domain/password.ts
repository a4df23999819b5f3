/** Password policy: at least 8 characters, at most 200, with at least one letter and one digit. */
export function passwordAcceptable(pw: string): boolean {
  return pw.length >= 8 && pw.length <= 200 && /[A-Za-z]/.test(pw) && /[0-9]/.test(pw);
}
