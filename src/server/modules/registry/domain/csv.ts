/** CSV writing for the registry's ledger exports; reading (decoding, parsing) is shared: src/shared/csv.ts. */

/** Quotes a cell when it holds a comma, quote or line break; neutralises formula-leading cells (CSV injection). */
function quote(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Serialises rows as CSV with a BOM and CRLF line ends (what Excel expects). */
export function toCsv(rows: (string | number | null)[][]): string {
  const body = rows.map((r) => r.map((c) => quote(c === null ? '' : String(c))).join(',')).join('\r\n');
  return `\ufeff${body}\r\n`;
}
