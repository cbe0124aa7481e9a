import { z } from 'zod';
import { CROCKFORD_ALPHABET, crockfordEncodeBits, groupSymbols, normaliseCrockfordInput } from './crockfordBase32';

/**
 * The receipt access code handed out once at submission: with the tracking id it lets a
 * reporter without an account read their own confidential report. 10 symbols = 50 random
 * bits; only a hash is stored (commands/accessCodeHash.ts) and guesses are rate-limited.
 */
export const ACCESS_CODE_SYMBOLS = 10;
/** 7 bytes = 56 bits, the first 50 are used. */
export const ACCESS_CODE_RANDOM_BYTES = 7;

const CANONICAL_ACCESS_CODE = new RegExp(`^[${CROCKFORD_ALPHABET}]{${ACCESS_CODE_SYMBOLS}}$`);

export const AccessCode = z.string().regex(CANONICAL_ACCESS_CODE, 'not a canonical access code').brand<'AccessCode'>();
export type AccessCode = z.infer<typeof AccessCode>;

export type AccessCodeError = { readonly code: 'wrong-length' | 'invalid-character'; readonly message: string };
export type ParsedAccessCode =
  | { readonly ok: true; readonly accessCode: AccessCode }
  | { readonly ok: false; readonly error: AccessCodeError };

/** Pure: the caller draws the randomness and passes at least 7 bytes. */
export function accessCodeFromRandomBytes(bytes: Uint8Array): AccessCode {
  if (bytes.length < ACCESS_CODE_RANDOM_BYTES) {
    throw new RangeError(`an access code needs at least ${ACCESS_CODE_RANDOM_BYTES} random bytes, got ${bytes.length}`);
  }
  return crockfordEncodeBits(bytes, ACCESS_CODE_SYMBOLS) as AccessCode;
}

/** Reads an access code as typed (any case, hyphens and spaces ignored, I/L -> 1, O -> 0). */
export function parseAccessCode(input: string): ParsedAccessCode {
  const candidate = normaliseCrockfordInput(input);
  if (candidate.length !== ACCESS_CODE_SYMBOLS) {
    const message = `an access code has ${ACCESS_CODE_SYMBOLS} symbols, got ${candidate.length}`;
    return { ok: false, error: { code: 'wrong-length', message } };
  }
  if (!CANONICAL_ACCESS_CODE.test(candidate)) {
    return { ok: false, error: { code: 'invalid-character', message: 'the access code contains a symbol that is not allowed' } };
  }
  return { ok: true, accessCode: candidate as AccessCode };
}

/** `XXXXX-XXXXX`, as printed on the receipt. */
export function displayAccessCode(accessCode: AccessCode): string {
  return groupSymbols(accessCode, [5, 5]);
}
