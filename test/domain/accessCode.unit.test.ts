import fc from 'fast-check';
import { AccessCode, accessCodeFromRandomBytes, displayAccessCode, parseAccessCode } from '../../domain/accessCode';
import { CROCKFORD_ALPHABET } from '../../domain/crockfordBase32';

const RUNS = 1000;
const accessCodes = fc.uint8Array({ minLength: 7, maxLength: 32 }).map(accessCodeFromRandomBytes);

describe('access code', () => {
  it('is 10 Crockford symbols (50 bits) drawn from at least 7 bytes', () => {
    expect(accessCodeFromRandomBytes(new Uint8Array(7))).toBe('0000000000');
    expect(accessCodeFromRandomBytes(new Uint8Array(7).fill(0xff))).toBe('ZZZZZZZZZZ');
    expect(() => accessCodeFromRandomBytes(new Uint8Array(6))).toThrow(RangeError);
  });

  it('uses every one of the 50 leading bits', () => {
    for (let bit = 0; bit < 50; bit++) {
      const bytes = new Uint8Array(7);
      bytes[bit >> 3] = 0x80 >> (bit & 7);
      const code = accessCodeFromRandomBytes(bytes);
      expect(code).not.toBe('0000000000');
      expect(code.replace(/0/g, '')).toHaveLength(1);
    }
  });

  it(`parses back from its display form, in any case (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(accessCodes, (code) => {
        expect(code).toMatch(new RegExp(`^[${CROCKFORD_ALPHABET}]{10}$`));
        expect(displayAccessCode(code)).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
        expect(parseAccessCode(displayAccessCode(code).toLowerCase())).toEqual({ ok: true, accessCode: code });
        expect(AccessCode.safeParse(code).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads I, L as 1 and O as 0', () => {
    expect(parseAccessCode('ilo0 1-abcde')).toEqual({ ok: true, accessCode: '11001ABCDE' });
  });

  it.each<[string, string]>([
    ['', 'wrong-length'],
    ['ABCDE-FGHJ', 'wrong-length'],
    ['ABCDE-FGHJKM', 'wrong-length'],
    ['ABCDE-FGHJU', 'invalid-character'],
    ['ABCDE-FGHJ*', 'invalid-character'],
  ])('rejects %j with %s', (input, code) => {
    const parsed = parseAccessCode(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe(code);
  });
});
