import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { type AccessCode, parseAccessCode } from '../domain/accessCode';

/**
 * Access codes are stored only as scrypt hashes with a salt of their own. The code has
 * 50 random bits: a plain fast hash could be brute-forced offline from a leaked table,
 * scrypt makes each guess cost ~16 MiB and tens of milliseconds. The parameters travel
 * in the stored string, so they can be raised later without breaking older hashes.
 *
 * Stored form: `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>`.
 */
const SCHEME = 'scrypt';
const DEFAULT_PARAMETERS = { log2N: 14, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

type ScryptParameters = { readonly log2N: number; readonly r: number; readonly p: number };

function scryptHash(code: string, salt: Buffer, { log2N, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    scrypt(code, salt, HASH_BYTES, { N, r, p, maxmem: 256 * N * r }, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

/** Hashes a canonical access code for storage; `salt` is for tests only (default: 16 fresh random bytes). */
export async function hashAccessCode(accessCode: AccessCode, options: { readonly salt?: Uint8Array } = {}): Promise<string> {
  const salt = Buffer.from(options.salt ?? randomBytes(SALT_BYTES));
  const hash = await scryptHash(accessCode, salt, DEFAULT_PARAMETERS);
  const { log2N, r, p } = DEFAULT_PARAMETERS;
  return [SCHEME, log2N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

function parseStoredHash(stored: string): { parameters: ScryptParameters; salt: Buffer; hash: Buffer } {
  const match = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (match === null) throw new Error('stored access-code hash is malformed');
  const [, log2N, r, p, salt, hash] = match;
  return {
    parameters: { log2N: Number(log2N), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt ?? '', 'base64url'),
    hash: Buffer.from(hash ?? '', 'base64url'),
  };
}

/**
 * True when `input` (as the person typed it: any case, hyphens, I/L/O look-alikes) is
 * the code behind `stored`. Compares in constant time. A malformed stored value throws:
 * it means the ledger's data is damaged, which must not pass for a wrong code.
 */
export async function verifyAccessCode(input: string, stored: string): Promise<boolean> {
  const { parameters, salt, hash } = parseStoredHash(stored);
  const parsed = parseAccessCode(input);
  if (!parsed.ok) return false;
  const candidate = await scryptHash(parsed.accessCode, salt, parameters);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}
