import fc from 'fast-check';
import { CROCKFORD_ALPHABET } from '../../domain/crockfordBase32';
import { CHECK_SYMBOLS, crockfordCheckSymbol } from '../../domain/crockfordCheckSymbol';
import { displayTrackingId, parseTrackingId, TrackingId, trackingIdFromRandomBytes } from '../../domain/trackingId';

const RUNS = 2000;
const randomBytes = fc.uint8Array({ minLength: 8, maxLength: 32 });
const trackingIds = randomBytes.map(trackingIdFromRandomBytes);

/** The first `bitCount` bits of `bytes` as a string of 0s and 1s. */
const leadingBits = (bytes: Uint8Array, bitCount: number) =>
  [...bytes].map((byte) => byte.toString(2).padStart(8, '0')).join('').slice(0, bitCount);
const bitsOfSymbols = (symbols: string) =>
  [...symbols].map((symbol) => CROCKFORD_ALPHABET.indexOf(symbol).toString(2).padStart(5, '0')).join('');

describe('tracking id', () => {
  it('encodes known values with the Crockford check symbol', () => {
    expect(trackingIdFromRandomBytes(new Uint8Array(8))).toBe('0000000000000');
    expect(crockfordCheckSymbol('10')).toBe('*'); // 32 mod 37 = 32
    expect(crockfordCheckSymbol('14')).toBe('U'); // 36 mod 37 = 36
    expect(crockfordCheckSymbol('15')).toBe('0'); // 37 mod 37 = 0
    expect(trackingIdFromRandomBytes(new Uint8Array(8).fill(0xff))).toBe(`ZZZZZZZZZZZZ${crockfordCheckSymbol('ZZZZZZZZZZZZ')}`);
  });

  it('refuses fewer than 8 random bytes', () => {
    expect(() => trackingIdFromRandomBytes(new Uint8Array(7))).toThrow(RangeError);
  });

  it(`carries the first 60 random bits unchanged (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        expect(bitsOfSymbols(trackingIdFromRandomBytes(bytes).slice(0, 12))).toBe(leadingBits(bytes, 60));
      }),
      { numRuns: RUNS },
    );
  });

  it(`parses every generated id back to itself, in canonical, display, lower-case and spaced form (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(trackingIds, (id) => {
        for (const typed of [id, displayTrackingId(id), displayTrackingId(id).toLowerCase(), displayTrackingId(id).replace(/-/g, ' ')]) {
          expect(parseTrackingId(typed)).toEqual({ ok: true, trackingId: id });
        }
        expect(TrackingId.safeParse(id).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it(`detects every single-symbol substitution (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(trackingIds, fc.nat(12), fc.nat(CHECK_SYMBOLS.length - 1), (id, position, replacementIndex) => {
        // Any symbol of the check alphabet (a superset of the data alphabet) in any position.
        const replacement = CHECK_SYMBOLS.charAt(replacementIndex);
        fc.pre(replacement !== id.charAt(position));
        const typo = id.slice(0, position) + replacement + id.slice(position + 1);
        const parsed = parseTrackingId(typo);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(['check-symbol-mismatch', 'invalid-character']).toContain(parsed.error.code);
      }),
      { numRuns: RUNS },
    );
  });

  it(`detects every swap of two adjacent different symbols, the check symbol included (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(trackingIds, fc.nat(11), (id, position) => {
        const [a, b] = [id.charAt(position), id.charAt(position + 1)];
        fc.pre(a !== b);
        const swapped = id.slice(0, position) + b + a + id.slice(position + 2);
        expect(parseTrackingId(swapped).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('detects every substitution and adjacent swap of one id exhaustively', () => {
    const id = trackingIdFromRandomBytes(Uint8Array.from([0x3c, 0x91, 0x7e, 0x05, 0xaa, 0x42, 0xd8, 0x6f]));
    for (let position = 0; position < id.length; position++) {
      for (const replacement of CHECK_SYMBOLS) {
        if (replacement === id.charAt(position)) continue;
        expect(parseTrackingId(id.slice(0, position) + replacement + id.slice(position + 1)).ok).toBe(false);
      }
      const [a, b] = [id.charAt(position), id.charAt(position + 1)];
      if (b !== '' && a !== b) expect(parseTrackingId(id.slice(0, position) + b + a + id.slice(position + 2)).ok).toBe(false);
    }
  });

  it('normalises look-alikes: i and l read as 1, o as 0', () => {
    const canonical = '111100001111';
    const check = crockfordCheckSymbol(canonical);
    expect(parseTrackingId(`iIlL-oOoO-1111-${check}`)).toEqual({ ok: true, trackingId: `${canonical}${check}` });
  });

  it.each<[string, string]>([
    ['', 'wrong-length'],
    ['ABCD-EFGH-JKMN', 'wrong-length'],
    ['ABCD-EFGH-JKMN-PQ', 'wrong-length'],
    ['ABCD-EFGH-JKMU-0', 'invalid-character'],
    ['ABCD-EFGH-JK*N-0', 'invalid-character'],
    ['ABCD-EFGH-JKMN-#', 'invalid-character'],
  ])('rejects %j with %s', (input, code) => {
    const parsed = parseTrackingId(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe(code);
  });

  it('displays as XXXX-XXXX-XXXX-C and the schema accepts only the canonical form', () => {
    const id = trackingIdFromRandomBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(displayTrackingId(id)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]$/);
    expect(TrackingId.safeParse(displayTrackingId(id)).success).toBe(false);
    expect(TrackingId.safeParse(id.toLowerCase()).success).toBe(false);
  });
});
