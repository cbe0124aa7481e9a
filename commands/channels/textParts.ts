/**
 * Cuts a reply into parts of at most `limit` units each, where `unitsOf` weighs one code
 * point as the channel counts it (SMS septets, X's weighted characters). Splits at the last
 * space that fits (a word longer than a part is cut), never inside a surrogate pair.
 */
export function textParts(text: string, limit: number, unitsOf: (char: string) => number): string[] {
  const chars = [...text.trim()];
  const parts: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    for (let units = 0; end < chars.length && units + unitsOf(chars[end]!) <= limit; end++) units += unitsOf(chars[end]!);
    if (end < chars.length && chars[end] !== ' ') {
      const lastSpace = chars.lastIndexOf(' ', end - 1);
      if (lastSpace > start) end = lastSpace;
    }
    parts.push(chars.slice(start, end).join('').trimEnd());
    start = end;
    while (chars[start] === ' ') start++;
  }
  return parts;
}
