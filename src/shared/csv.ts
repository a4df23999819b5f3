/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM (Excel writes one and needs one to
 * read Chinese correctly). Pure: bytes or string in, rows out; no Node APIs (TextDecoder and iconv-lite only).
 */
import iconv from 'iconv-lite';

/** The encodings an uploaded CSV may come in. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decodes the bytes of a CSV file. Chinese Excel saves "CSV" in the ANSI code page (GBK), not UTF-8, so:
 * a BOM decides (UTF-8, UTF-16 LE/BE); else bytes that are valid UTF-8 are UTF-8; else GB18030 (a superset
 * of GBK and GB2312, so every GBK file decodes the same).
 */
export function decodeCsvBytes(buf: Uint8Array): { text: string; encoding: CsvEncoding } {
  const b = buf;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(b.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(b.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(b, 'gb18030'), encoding: 'gb18030' };
  }
}

/** Parses CSV text into rows of cells. Throws on an unterminated quoted field. */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch;
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
