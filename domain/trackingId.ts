import { z } from 'zod';
import { crockfordEncodeBits, crockfordValue, groupSymbols, normaliseCrockfordInput } from './crockfordBase32';
import { CHECK_SYMBOLS, crockfordCheckSymbol } from './crockfordCheckSymbol';

/** 12 symbols x 5 bits = 60 random bits: guessing one of a million live ids takes ~10^12 tries. */
export const TRACKING_ID_RANDOM_SYMBOLS = 12;
/** The minimum number of random bytes a caller supplies (64 bits; the first 60 are used). */
export const TRACKING_ID_RANDOM_BYTES = 8;

function isCanonicalTrackingId(value: string): boolean {
  return parseCanonical(value) === undefined;
}

/**
 * The canonical tracking id: 12 Crockford base32 symbols and one check symbol, no
 * separators, e.g. `8Z5KQ3M0TWAX*`. Store and compare this form; show displayTrackingId.
 */
export const TrackingId = z
  .string()
  .refine(isCanonicalTrackingId, 'not a canonical tracking id (12 Crockford base32 symbols and a valid check symbol)')
  .brand<'TrackingId'>();
export type TrackingId = z.infer<typeof TrackingId>;

export type TrackingIdError = {
  readonly code: 'wrong-length' | 'invalid-character' | 'check-symbol-mismatch';
  readonly message: string;
};
export type ParsedTrackingId =
  | { readonly ok: true; readonly trackingId: TrackingId }
  | { readonly ok: false; readonly error: TrackingIdError };

/** Pure: the caller draws the randomness (crypto.getRandomValues) and passes at least 8 bytes. */
export function trackingIdFromRandomBytes(bytes: Uint8Array): TrackingId {
  if (bytes.length < TRACKING_ID_RANDOM_BYTES) {
    throw new RangeError(`a tracking id needs at least ${TRACKING_ID_RANDOM_BYTES} random bytes, got ${bytes.length}`);
  }
  const symbols = crockfordEncodeBits(bytes, TRACKING_ID_RANDOM_SYMBOLS);
  return `${symbols}${crockfordCheckSymbol(symbols)}` as TrackingId;
}

/** Why a normalised candidate is not a tracking id, or undefined when it is one. */
function parseCanonical(candidate: string): TrackingIdError | undefined {
  if (candidate.length !== TRACKING_ID_RANDOM_SYMBOLS + 1) {
    return { code: 'wrong-length', message: `a tracking id has ${TRACKING_ID_RANDOM_SYMBOLS + 1} symbols, got ${candidate.length}` };
  }
  const symbols = candidate.slice(0, TRACKING_ID_RANDOM_SYMBOLS);
  const check = candidate.slice(TRACKING_ID_RANDOM_SYMBOLS);
  const badIndex = [...symbols].findIndex((symbol) => crockfordValue(symbol) === undefined);
  if (badIndex >= 0 || !CHECK_SYMBOLS.includes(check)) {
    const position = badIndex >= 0 ? badIndex + 1 : TRACKING_ID_RANDOM_SYMBOLS + 1;
    return { code: 'invalid-character', message: `symbol ${position} of the tracking id is not allowed there` };
  }
  if (crockfordCheckSymbol(symbols) !== check) {
    return { code: 'check-symbol-mismatch', message: 'the tracking id is mistyped: its check symbol does not match' };
  }
  return undefined;
}

/**
 * Reads a tracking id as a person typed or dictated it: any case, hyphens and spaces
 * ignored, I/L read as 1 and O as 0. Returns the canonical form or why it is not one.
 */
export function parseTrackingId(input: string): ParsedTrackingId {
  const candidate = normaliseCrockfordInput(input);
  const error = parseCanonical(candidate);
  return error === undefined ? { ok: true, trackingId: candidate as TrackingId } : { ok: false, error };
}

/** `XXXX-XXXX-XXXX-C`: groups of four are easy to read out over the phone; the check symbol stands apart. */
export function displayTrackingId(trackingId: TrackingId): string {
  return groupSymbols(trackingId, [4, 4, 4, 1]);
}
