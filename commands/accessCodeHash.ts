import { createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { type AccessCode, parseAccessCode } from '../domain/accessCode';
import { pooledRandomBytes } from '../eventstore/vault/randomPool';

/**
 * Receipt access codes are stored only as keyed hashes: `hmac-sha256$v1$<salt>$<mac>`, the
 * MAC being HMAC-SHA256(pepper, salt || code) with 16 random bytes of salt.
 *
 * Why no slow KDF. A slow hash exists to make offline guessing expensive when the table
 * leaks. Offline guessing of a keyed hash needs the key, and the pepper is derived from the
 * vault master key, which never lives in the database (configuration, or a file in
 * DATA_DIR): a leaked table, backup or ledger export admits no offline guess at all. Who
 * holds the master key as well can open every sealed identity in the vault directly, so the
 * code would protect nothing more against them. What is left is online guessing of 50
 * random bits, which the API rate-limits. scrypt (N=2^14, r=8) bought nothing on top of
 * that and cost ~50 ms of CPU and 16 MiB per submission, capping intake at a few dozen
 * complaints per second per core. (Without a pepper, 50 bits would need the slow hash: one
 * code falls to ~2^49 SHA-256 guesses, hours on a GPU; from 80 bits a plain salted hash
 * would do.)
 *
 * Hashes written before, `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, still verify.
 */
export interface AccessCodes {
  hash(accessCode: AccessCode, options?: { readonly salt?: Uint8Array }): string;
  /**
   * True when `input` (as typed: any case, hyphens, I/L/O look-alikes) is the code behind
   * `stored`; constant-time. Without a stored hash it checks a decoy, so "no such complaint"
   * costs what "wrong code" costs. A malformed stored value throws: damaged data must not
   * pass for a wrong code.
   */
  verify(input: string, stored: string | undefined): Promise<boolean>;
}

const SALT_BYTES = 16;
const HMAC_SCHEME = 'hmac-sha256$v1';
const HMAC_FORM = /^hmac-sha256\$v1\$([\w-]{22})\$([\w-]{43})$/;
const SCRYPT_FORM = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]+)\$([\w-]+)$/;

/** The pepper: a key of its own, derived from the vault master key (HKDF-SHA256). */
export const accessCodePepper = (masterKey: Uint8Array): Buffer => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lapor access-code pepper v1', 32));

export function accessCodeHashes(pepper: Uint8Array): AccessCodes {
  const mac = (salt: Uint8Array, code: string): Buffer => createHmac('sha256', pepper).update(salt).update(code, 'utf8').digest();
  const hash = (accessCode: AccessCode, options: { readonly salt?: Uint8Array } = {}): string => {
    const salt = options.salt ? Buffer.from(options.salt) : pooledRandomBytes(SALT_BYTES);
    return [HMAC_SCHEME, salt.toString('base64url'), mac(salt, accessCode).toString('base64url')].join('$');
  };
  // A random MAC: no code matches it.
  const decoy = [HMAC_SCHEME, randomBytes(SALT_BYTES).toString('base64url'), randomBytes(32).toString('base64url')].join('$');
  return {
    hash,
    async verify(input, stored = decoy) {
      const expected = HMAC_FORM.exec(stored);
      const legacy = expected ? undefined : SCRYPT_FORM.exec(stored);
      if (!expected && !legacy) throw new Error('stored access-code hash is malformed');
      const parsed = parseAccessCode(input);
      if (!parsed.ok) return false;
      if (expected) return constantTimeEqual(mac(Buffer.from(expected[1]!, 'base64url'), parsed.accessCode), Buffer.from(expected[2]!, 'base64url'));
      const [, log2N, r, p, salt, legacyHash] = legacy!;
      const candidate = await scryptHash(parsed.accessCode, Buffer.from(salt!, 'base64url'), Number(log2N), Number(r), Number(p));
      return constantTimeEqual(candidate, Buffer.from(legacyHash!, 'base64url'));
    },
  };
}

const constantTimeEqual = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

function scryptHash(code: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    scrypt(code, salt, 32, { N, r, p, maxmem: 256 * N * r }, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}
