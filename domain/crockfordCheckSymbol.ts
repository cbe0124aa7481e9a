import { CROCKFORD_ALPHABET, crockfordValue } from './crockfordBase32';

/**
 * Crockford's check symbol: the encoded number modulo 37, written with the 32 symbols
 * plus `*~$=U` for 32-36. Because 37 is prime and larger than every symbol difference,
 * and 37 divides neither 32^k nor 31, every single-symbol substitution and every swap
 * of two adjacent different symbols changes the remainder, so both are always detected.
 */
export const CHECK_SYMBOLS = `${CROCKFORD_ALPHABET}*~$=U`;

/** The check symbol of canonical Crockford symbols; throws on a symbol outside the alphabet (callers validate first). */
export function crockfordCheckSymbol(symbols: string): string {
  let remainder = 0;
  for (const symbol of symbols) {
    const value = crockfordValue(symbol);
    if (value === undefined) throw new RangeError(`not a canonical Crockford symbol: ${JSON.stringify(symbol)}`);
    remainder = (remainder * 32 + value) % 37;
  }
  return CHECK_SYMBOLS.charAt(remainder);
}
