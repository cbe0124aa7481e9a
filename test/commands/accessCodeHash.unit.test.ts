import { createHmac, randomBytes, scryptSync } from 'node:crypto';
import { accessCodeHashes, accessCodePepper } from '../../commands/accessCodeHash';
import { type AccessCode, accessCodeFromRandomBytes, displayAccessCode } from '../../domain/accessCode';

const code = accessCodeFromRandomBytes(Uint8Array.from([9, 8, 7, 6, 5, 4, 3]));
const otherCode = accessCodeFromRandomBytes(Uint8Array.from([9, 8, 7, 6, 5, 5, 3]));
const pepper = Buffer.alloc(32, 1);
const codes = accessCodeHashes(pepper);

describe('access-code hash', () => {
  it('test codes differ', () => expect(otherCode).not.toBe(code));

  const stored = codes.hash(code);

  it('stores the scheme, a salt and HMAC-SHA256(pepper, salt || code), never the code', () => {
    const [, salt, mac] = /^hmac-sha256\$v1\$([\w-]{22})\$([\w-]{43})$/.exec(stored) ?? [];
    expect(mac).toBe(createHmac('sha256', pepper).update(Buffer.from(salt!, 'base64url')).update(code).digest('base64url'));
    expect(stored).not.toContain(code);
  });

  it('verifies the code as the person types it', async () => {
    await expect(codes.verify(code, stored)).resolves.toBe(true);
    await expect(codes.verify(displayAccessCode(code).toLowerCase(), stored)).resolves.toBe(true);
  });

  it('refuses another code, a malformed input, an empty one, and any code without a stored hash', async () => {
    await expect(codes.verify(otherCode, stored)).resolves.toBe(false);
    await expect(codes.verify('not a code', stored)).resolves.toBe(false);
    await expect(codes.verify('', stored)).resolves.toBe(false);
    await expect(codes.verify(code, undefined)).resolves.toBe(false);
    await expect(codes.verify('0000000000', undefined)).resolves.toBe(false);
  });

  it('a hash is worthless without the pepper: another pepper verifies nothing', async () => {
    await expect(accessCodeHashes(Buffer.alloc(32, 2)).verify(code, stored)).resolves.toBe(false);
  });

  it('salts each hash separately, and is deterministic for a given salt', async () => {
    expect(codes.hash(code)).not.toBe(stored);
    const salt = new Uint8Array(16).fill(7);
    expect(codes.hash('0123456789' as AccessCode, { salt })).toBe(codes.hash('0123456789' as AccessCode, { salt }));
  });

  it('still verifies scrypt hashes written before the switch', async () => {
    const salt = randomBytes(16);
    const legacy = ['scrypt', 14, 8, 1, salt.toString('base64url'), scryptSync(code, salt, 32, { N: 2 ** 14, r: 8, p: 1 }).toString('base64url')].join('$');
    await expect(codes.verify(code, legacy)).resolves.toBe(true);
    await expect(codes.verify(otherCode, legacy)).resolves.toBe(false);
  });

  it('throws on a damaged stored value rather than treating it as a wrong code', async () => {
    await expect(codes.verify(code, 'sha1$abc')).rejects.toThrow('malformed');
  });

  it('derives the pepper from the master key, one of its own per key', () => {
    const master = randomBytes(32);
    expect(accessCodePepper(master)).toEqual(accessCodePepper(Buffer.from(master)));
    expect(accessCodePepper(master)).not.toEqual(master);
    expect(accessCodePepper(randomBytes(32))).not.toEqual(accessCodePepper(master));
  });
});
