/** A path on this site ("/complaints?q=x"), never another origin ("//evil", "/\\evil", "https:..."): no open redirect. */
export function localPathOr(candidate: unknown, fallback: string): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  return candidate;
}
