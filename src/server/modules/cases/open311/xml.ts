/** A minimal XML writer for GeoReport v2 responses (elements and escaped text; no attributes needed). */

/** A value that can be written as XML. */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [k: string]: XmlValue };

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the controls XML forbids is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

/**
 * Text without the characters XML 1.0 forbids (C0 controls other than tab/newline/return, DEL, U+FFFE/FFFF).
 * Applied to JSON and XML answers alike, so both formats carry the same text.
 */
const cleanText = (s: string): string => s.replace(CONTROL, '');

/** Deeply applies {@link cleanText} to every string of a value. */
export function cleanValue<T>(v: T): T {
  if (typeof v === 'string') return cleanText(v) as T;
  if (Array.isArray(v)) return v.map(cleanValue) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanValue(x)])) as T;
  return v;
}

const esc = (s: string) =>
  cleanText(s).replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

function el(name: string, v: XmlValue): string {
  if (v === undefined) return '';
  if (v === null) return `<${name}/>`;
  if (Array.isArray(v)) return `<${name}>${v.map((x) => el(singular(name), x)).join('')}</${name}>`;
  if (typeof v === 'object')
    return `<${name}>${Object.entries(v)
      .map(([k, x]) => el(k, x))
      .join('')}</${name}>`;
  return `<${name}>${esc(String(v))}</${name}>`;
}

const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};
const singular = (n: string) => SINGULAR[n] ?? 'item';

/** Serialises a root element: arrays become a list of singular children (services → service). */
export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${el(root, value)}`;
}
