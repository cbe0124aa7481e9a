/**
 * Bodies as MongoDB holds them: JSON text. Bodies are never queried (keys are), and JSON
 * text is exact for any JSON (FerretDB 1.x refuses NUL characters and keys containing '.'
 * or starting with '$'; the driver would turn lone UTF-16 surrogates into U+FFFD) and reads
 * back equal to what PostgreSQL returns. It is also cheap: FerretDB 1.24 (SQLite) spent
 * about twice the CPU storing the same bodies as nested documents.
 */
export type EncodedBody = { readonly bodyJson: string };

const LONE_SURROGATE = /\p{Cs}/u;

/** Text MongoDB can index as it is (keys are queried, so they cannot fall back to JSON text). */
export const isStorableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

export const encodeBody = (body: unknown): EncodedBody => ({ bodyJson: JSON.stringify(body ?? null) });

/** `body`: a nested body as stores before JSON text wrote it (a generation built by an earlier version). */
export function decodeBody(stored: { readonly body?: unknown; readonly bodyJson?: string | undefined }): unknown {
  return stored.bodyJson !== undefined ? JSON.parse(stored.bodyJson) : (stored.body ?? null);
}
