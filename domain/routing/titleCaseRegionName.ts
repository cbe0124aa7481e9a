/** Acronyms that stay in capitals inside a region name ("DKI Jakarta"). */
const KEPT_UPPERCASE: ReadonlySet<string> = new Set(['DKI']);
/** Conjunctions that stay lower case unless they open the name ("Pangkajene dan Kepulauan"). */
const KEPT_LOWERCASE: ReadonlySet<string> = new Set(['DAN']);

function capitaliseWord(word: string): string {
  // Hyphenated names ("Tojo Una-Una") capitalise each part.
  return word
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}

/**
 * Kemendagri's region lists spell provinces and regencies in capitals
 * ("KABUPATEN ACEH SELATAN"); people read them in title case ("Kabupaten Aceh Selatan").
 */
export function titleCaseRegionName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word, index) => {
      const upper = word.toUpperCase();
      if (KEPT_UPPERCASE.has(upper)) return upper;
      if (index > 0 && KEPT_LOWERCASE.has(upper)) return upper.toLowerCase();
      return capitaliseWord(word);
    })
    .join(' ');
}
