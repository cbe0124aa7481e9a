/**
 * Crockford's base32 (https://www.crockford.com/base32.html): digits and capitals without
 * I, L, O and U, so that a code read aloud or retyped from an SMS has no look-alikes.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const valueBySymbol: ReadonlyMap<string, number> = new Map([...CROCKFORD_ALPHABET].map((symbol, value) => [symbol, value]));

/** The value 0-31 of a canonical symbol, or undefined. */
export function crockfordValue(symbol: string): number | undefined {
  return valueBySymbol.get(symbol);
}

/**
 * Encodes the first `symbolCount * 5` bits of `bytes`, most significant bit first.
 * Throws a RangeError when the caller passes too few bytes: that is a programming error,
 * not a user input the domain should answer.
 */
export function crockfordEncodeBits(bytes: Uint8Array, symbolCount: number): string {
  const bitsNeeded = symbolCount * 5;
  if (bytes.length * 8 < bitsNeeded) {
    throw new RangeError(`need at least ${Math.ceil(bitsNeeded / 8)} random bytes for ${symbolCount} symbols, got ${bytes.length}`);
  }
  let symbols = '';
  let buffer = 0;
  let bufferedBits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // never more than 12 bits are needed in flight
    bufferedBits += 8;
    while (bufferedBits >= 5 && symbols.length < symbolCount) {
      bufferedBits -= 5;
      symbols += CROCKFORD_ALPHABET[(buffer >> bufferedBits) & 31];
    }
    if (symbols.length === symbolCount) break;
  }
  return symbols;
}

/**
 * What a person may type for a code: any case, hyphens and spaces anywhere, I or L for
 * 1 and O for 0. Returns the canonical spelling; unknown symbols are left for the caller to reject.
 */
export function normaliseCrockfordInput(input: string): string {
  return input
    .replace(/[\s-]/g, '')
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

/** Splits a code into groups for display: groupSymbols('ABCDEFGH', [4, 4]) -> 'ABCD-EFGH'. */
export function groupSymbols(code: string, groupSizes: readonly number[]): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of groupSizes) {
    groups.push(code.slice(start, start + size));
    start += size;
  }
  return groups.join('-');
}
