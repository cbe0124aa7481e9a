import fc from 'fast-check';
import { canonicalJson } from '../../eventstore/canonicalJson';
import { sameJson } from '../../projections/shared/jsonValues';

/** JSON-like values with undefined members and array items sprinkled in, as evolve and viewFor produce them. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 4 })),
})).node;

const shuffledKeys = (input: unknown): unknown => {
  if (Array.isArray(input)) return input.map(shuffledKeys);
  if (typeof input !== 'object' || input === null) return input;
  return Object.fromEntries(Object.entries(input).reverse().map(([k, v]) => [k, shuffledKeys(v)]));
};

const canonicalOrNull = (input: unknown): string | null => {
  try {
    return canonicalJson(input);
  } catch {
    return null; // undefined in an array: canonicalJson refuses it
  }
};

test('sameJson says what comparing canonical JSON says', () => {
  fc.assert(
    fc.property(value, value, (a, b) => {
      const [left, right] = [canonicalOrNull(a), canonicalOrNull(b)];
      fc.pre(left !== null && right !== null);
      expect(sameJson(a, b)).toBe(left === right);
    }),
  );
});

test('key order and undefined members do not make values differ', () => {
  fc.assert(fc.property(value, (a) => expect(sameJson(a, shuffledKeys(a))).toBe(true)));
  expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
});
