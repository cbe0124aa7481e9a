import { hashAccessCode, verifyAccessCode } from '../../commands/accessCodeHash';
import { type AccessCode, accessCodeFromRandomBytes, displayAccessCode } from '../../domain/accessCode';

const code = accessCodeFromRandomBytes(Uint8Array.from([9, 8, 7, 6, 5, 4, 3]));
const otherCode = accessCodeFromRandomBytes(Uint8Array.from([9, 8, 7, 6, 5, 5, 3]));

describe('access-code hash', () => {
  it('test codes differ', () => expect(otherCode).not.toBe(code));

  let stored: string;
  beforeAll(async () => {
    stored = await hashAccessCode(code);
  });

  it('stores the scheme, its parameters, a salt and the hash, never the code', () => {
    expect(stored).toMatch(/^scrypt\$14\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(code);
  });

  it('verifies the code as the person types it', async () => {
    await expect(verifyAccessCode(code, stored)).resolves.toBe(true);
    await expect(verifyAccessCode(displayAccessCode(code).toLowerCase(), stored)).resolves.toBe(true);
  });

  it('refuses another code, a malformed input and an empty one', async () => {
    await expect(verifyAccessCode(otherCode, stored)).resolves.toBe(false);
    await expect(verifyAccessCode('not a code', stored)).resolves.toBe(false);
    await expect(verifyAccessCode('', stored)).resolves.toBe(false);
  });

  it('salts each hash separately, so equal codes hash differently', async () => {
    const again = await hashAccessCode(code);
    expect(again).not.toBe(stored);
    await expect(verifyAccessCode(code, again)).resolves.toBe(true);
  });

  it('is deterministic for a given salt', async () => {
    const salt = new Uint8Array(16).fill(7);
    expect(await hashAccessCode('0123456789' as AccessCode, { salt })).toBe(await hashAccessCode('0123456789' as AccessCode, { salt }));
  });

  it('throws on a damaged stored value rather than treating it as a wrong code', async () => {
    await expect(verifyAccessCode(code, 'sha1$abc')).rejects.toThrow('malformed');
  });
});
