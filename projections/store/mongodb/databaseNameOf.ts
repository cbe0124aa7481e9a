/** The database a MongoDB URL names (`mongodb://host/lapor?...`), else the fallback (the configured schema). */
export function databaseNameOf(url: string, fallback: string): string {
  const named = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url)?.[1];
  return named ? decodeURIComponent(named) : fallback;
}
