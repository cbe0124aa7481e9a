/** What a metadata stripper makes of a file: the file without its metadata, or why its structure cannot be read. */
export type Stripped = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

export const strippedTo = (bytes: Buffer): Stripped => ({ ok: true, bytes });
export const malformed = (reason: string): Stripped => ({ ok: false, reason });

export const fourCcAt = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));

export const startsWithText = (bytes: Uint8Array, text: string): boolean =>
  bytes.length >= text.length && [...text].every((c, i) => bytes[i] === c.charCodeAt(0));
