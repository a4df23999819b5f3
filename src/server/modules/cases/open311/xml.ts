/** A minimal XML writer for GeoReport v2 responses (elements and escaped text; no attributes needed). */

/** A value that can be written as XML. */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [k: string]: XmlValue };

const esc = (s: string) =>
  s
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    // Characters XML 1.0 forbids are dropped rather than breaking the document.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function el(name: string, v: XmlValue): string {
  if (v === null || v === undefined) return `<${name}/>`;
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
  keywords: 'keyword',
};
const singular = (n: string) => SINGULAR[n] ?? 'item';

/** Serialises a root element: arrays become a list of singular children (services → service). */
export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${el(root, value)}`;
}
