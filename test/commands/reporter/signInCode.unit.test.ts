import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { newSignInCode, SignInCode, signInCodeExpiry, signInCodeHash, signInCodeKey } from '../../../commands/reporter/signInCode';

describe('sign-in codes', () => {
  test('are 6 digits, every first digit (zero included) turning up', () => {
    const codes = Array.from({ length: 2000 }, newSignInCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes.map((code) => code[0])).size).toBe(10);
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });

  test.each([
    ['000123', true],
    ['999999', true],
    ['12345', false],
    ['1234567', false],
    ['12a456', false],
    [' 123456', false],
  ])('the request schema: %s is %s', (code, valid) => {
    expect(SignInCode.safeParse(code).success).toBe(valid);
  });

  test('work for 10 minutes from issue', () => {
    expect(signInCodeExpiry(new Date('2025-03-03T02:00:00.000Z'))).toEqual(new Date('2025-03-03T02:10:00.000Z'));
  });
});

describe('code hashes', () => {
  const indexKey = randomBytes(32);
  const key = signInCodeKey(indexKey);

  test('are HMAC-SHA256 over the blind index and the code, with a key derived from the index key (not the index key itself)', () => {
    const expected = createHmac('sha256', key).update('blind-index-1\n042917').digest('base64url');
    expect(signInCodeHash(key, 'blind-index-1', '042917')).toBe(expected);
    expect(signInCodeHash(indexKey, 'blind-index-1', '042917')).not.toBe(expected);
    expect(signInCodeKey(indexKey)).toEqual(key);
    expect(key).not.toEqual(indexKey);
  });

  test('differ for another code, another contact or another key; never contain the code', () => {
    const otherKey = signInCodeKey(randomBytes(32));
    const code = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));
    fc.assert(
      fc.property(code, code, fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b, contactA, contactB) => {
        const hash = signInCodeHash(key, contactA, a);
        expect(hash).not.toContain(a);
        expect(hash === signInCodeHash(key, contactA, b)).toBe(a === b);
        expect(hash === signInCodeHash(key, contactB, a)).toBe(contactA === contactB);
        expect(signInCodeHash(otherKey, contactA, a)).not.toBe(hash);
      }),
    );
  });
});
