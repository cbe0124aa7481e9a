import { textParts } from './textParts';

/**
 * X counts a tweet in weighted characters (twitter-text v3): 280 for Latin text, where a
 * code point in the ranges below weighs 1 and any other (CJK, emoji) weighs 2. A link
 * such as lapor.go.id counts as 23 whatever its length; the reply texts hold one short
 * domain, so a part keeps 12 units for it.
 */
export const TWEET_PART_LIMIT = 280 - 12;

const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

export const tweetUnitsOf = (char: string): number => {
  const codePoint = char.codePointAt(0)!;
  return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
};

/** A reply too long for one tweet becomes a thread, each part replying to the one before. */
export const tweetParts = (text: string): string[] => textParts(text, TWEET_PART_LIMIT, tweetUnitsOf);
