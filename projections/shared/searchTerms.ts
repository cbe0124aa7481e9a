/**
 * Words for search, the same way for documents and queries: lower case, accents removed,
 * split on anything but letters and digits. Stored as an array field and matched with
 * "contains all", which both PostgreSQL (GIN) and FerretDB (no $text) can do.
 */
const MAX_TERMS = 300;

export function searchTerms(...texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length >= 2 && word.length <= 40) terms.add(word);
      if (terms.size >= MAX_TERMS) return [...terms];
    }
  }
  return [...terms];
}
