/**
 * A small XML writer for the GeoReport v2 documents: elements only (no attributes), text
 * escaped (a carriage return as a reference, since parsers normalise a literal one away),
 * characters XML 1.0 forbids dropped. An object becomes child elements in key
 * order, an array repeats the element its parent's name maps to in `itemNames`
 * (`service_requests` -> `request`), null is an empty element, undefined is left out.
 * Values are JSON data (what the JSON format sends), so the two formats carry the same.
 */

/** XML 1.0 Char production: tab, newline, carriage return and U+0020 upwards, without surrogate halves or U+FFFE/U+FFFF. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const escapeXmlText = (text: string): string =>
  text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

function element(name: string, value: unknown, itemNames: Readonly<Record<string, string>>): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (item === undefined) throw new Error(`no XML item name for the list ${name}`);
    return `<${name}>${value.map((v: unknown) => element(item, v, itemNames)).join('')}</${name}>`;
  }
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([child, v]) => element(child, v, itemNames)).join('')}</${name}>`;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `<${name}>${escapeXmlText(String(value))}</${name}>`;
  throw new Error(`cannot write ${typeof value} as XML (${name})`);
}

/** A whole document: the declaration the spec requires (UTF-8), then the root element. */
export const xmlDocument = (root: string, value: unknown, itemNames: Readonly<Record<string, string>>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, itemNames)}`;
