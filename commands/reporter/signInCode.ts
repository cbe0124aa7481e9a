import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { z } from 'zod';

/** How long a sign-in code works, and how many tries one code allows before it is dead. */
export const SIGN_IN_CODE_TTL_SECONDS = 10 * 60;
export const SIGN_IN_CODE_MAX_TRIES = 5;

/** Six digits, as typed from an SMS or an e-mail. */
export const SignInCode = z.string().regex(/^\d{6}$/, 'must be the 6 digits of the code');

/** A uniformly random code from the system CSPRNG (leading zeros kept). */
export const newSignInCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A key of its own for the code hashes, derived (HKDF-SHA256) from the contact blind-index key, so it never lives in the database either. */
export const signInCodeKey = (contactIndexKey: Uint8Array): Buffer => Buffer.from(hkdfSync('sha256', contactIndexKey, Buffer.alloc(0), 'lapor sign-in code v1', 32));

/**
 * HMAC-SHA256 over the contact's blind index and the code. A million codes are no secret
 * against offline guessing, but the key is not in the database: a leaked table admits no
 * guess at all, and online guessing is capped by the tries per code and the rate limits.
 * The blind index in the input makes one code's hash differ from contact to contact.
 */
export const signInCodeHash = (key: Uint8Array, blindIndex: string, code: string): string => createHmac('sha256', key).update(`${blindIndex}\n${code}`, 'utf8').digest('base64url');

/** When a code issued at `now` stops working. */
export const signInCodeExpiry = (now: Date): Date => new Date(now.getTime() + SIGN_IN_CODE_TTL_SECONDS * 1000);
