/**
 * Bodies as MongoDB can hold them. FerretDB 1.x refuses NUL characters in strings and keys
 * containing '.' or starting with '$' (MongoDB itself is laxer, but drivers and tools trip
 * on them too); the driver would also turn lone UTF-16 surrogates into U+FFFD. Today's
 * bodies have fixed, letters-only keys, but the port takes any JSON: a body that cannot be
 * stored as is goes in as JSON text instead, which keeps it exact (JSON escapes all of
 * these) and reads back equal to what PostgreSQL returns. Bodies are never queried.
 */
export type EncodedBody = { readonly body: unknown } | { readonly bodyJson: string };

const LONE_SURROGATE = /\p{Cs}/u;

export const isStorableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

const isStorableKey = (key: string): boolean => isStorableText(key) && !key.includes('.') && !key.startsWith('$');

function isStorable(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorable);
  if (Object.getPrototypeOf(value) !== Object.prototype) return false; // Dates, buffers...: as JSON would render them
  return Object.entries(value).every(([key, inner]) => isStorableKey(key) && isStorable(inner));
}

export const encodeBody = (body: unknown): EncodedBody => (isStorable(body) ? { body } : { bodyJson: JSON.stringify(body ?? null) });

export function decodeBody(stored: { readonly body?: unknown; readonly bodyJson?: string | undefined }): unknown {
  return stored.bodyJson !== undefined ? JSON.parse(stored.bodyJson) : (stored.body ?? null);
}
