/**
 * The part of the server's password rule the browser can check before sending (WEAK_PASSWORD): at least 8
 * characters with letters and digits. The common-password list and the username rule stay on the server.
 */
export function strongEnough(pw: string): boolean {
  return pw.length >= 8 && /[A-Za-z]/.test(pw) && /\d/.test(pw);
}
