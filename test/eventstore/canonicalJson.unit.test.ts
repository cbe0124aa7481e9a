import fc from 'fast-check';
import { canonicalJson } from '../../eventstore/canonicalJson';

function shuffledKeys(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffledKeys(item, order));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(order(Object.keys(object)).map((key) => [key, shuffledKeys(object[key], order)]));
}

describe('canonical JSON (RFC 8785)', () => {
  test('sorts keys by UTF-16 code units, drops whitespace and writes numbers as ECMAScript does', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], '\u20ac': 1e21, '\r': 0.000001, '1': -0 })).toBe(
      '{"\\r":0.000001,"1":0,"a":[true,null,"x"],"b":1,"\u20ac":1e+21}',
    );
  });

  test('leaves out undefined members and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });

  test('reads back as the same value and does not depend on key insertion order (1000 runs)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalJson(value);
        expect(JSON.parse(canonical)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(shuffledKeys(value, (keys) => [...keys].reverse()))).toBe(canonical);
      }),
      { numRuns: 1000 },
    );
  });
});
