import type { ExpectedRevision } from './port';

/**
 * Refuses an exact revision that no stream can have (negative, fractional, not finite):
 * otherwise an adapter could read it as "any" and append without the check the caller asked for.
 */
export function checkExpectedRevision(expected: ExpectedRevision): void {
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new RangeError(`an exact expected revision must be a whole number >= 0, got ${expected}`);
  }
}
