import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlDocument } from '../../open311/xml';

const parser = new XMLParser({ parseTagValue: false, trimValues: false, htmlEntities: true, isArray: (name) => name === 'item' });
const parse = (xml: string): Record<string, unknown> => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Record<string, unknown>;
};

/** What XML 1.0 can carry: everything but C0 controls other than tab, newline and CR, lone surrogates, U+FFFE and U+FFFF. */
const xmlCarries = (text: string): string => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

describe('the Open311 XML writer', () => {
  test('any text survives a parse exactly, except the characters XML 1.0 cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '\r', '\r\n', ' ', 'a', '\u0000', '\uFFFE') }), (any, markup) => {
        const text = any + markup;
        const parsed = parse(xmlDocument('root', { text }, {}));
        // An empty element parses as an empty string.
        expect((parsed.root as { text: string }).text).toBe(xmlCarries(text));
      }),
      { numRuns: 500 },
    );
  });

  test('lists repeat the item element their parent names; null is an empty element; undefined is left out', () => {
    const xml = xmlDocument('root', { items: [{ n: 1 }, { n: true }], none: null, absent: undefined }, { items: 'item' });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<root>')).toBe(true);
    expect(xml).not.toContain('absent');
    const parsed = parse(xml).root as { items: { item: { n: string }[] }; none: string };
    expect(parsed.items.item).toEqual([{ n: '1' }, { n: 'true' }]);
    expect(parsed.none).toBe('');
  });

  test('a list without an item name is a programming error, not a malformed document', () => {
    expect(() => xmlDocument('root', { things: [1] }, {})).toThrow('no XML item name for the list things');
  });
});
