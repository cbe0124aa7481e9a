import { createHash, hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { gcmOpen, gcmSeal, packBox, unpackBox } from '../../../eventstore/vault/aesGcm';
import { canonicalJson } from '../../../eventstore/canonicalJson';

/** At least 16 characters: a key is also what the stored response is encrypted under (a UUID is ideal). */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z.string().regex(/^[A-Za-z0-9._:-]{16,200}$/, 'expected 16 to 200 letters, digits or ._:- (a UUID is ideal)'),
});

/** The key as the server holds it: a record id that names it, and an encryption key only the client can reproduce. */
export interface IdempotencyKey {
  readonly recordId: string;
  seal(purpose: 'draft' | 'response', value: unknown): Buffer;
  open(purpose: 'draft' | 'response', box: Buffer): unknown;
}

/** Keys are per caller: two callers choosing the same key never see each other's responses. */
export function idempotencyKey(callerScope: string, key: string): IdempotencyKey {
  const recordId = createHash('sha256').update(`${callerScope}\n${key}`, 'utf8').digest('hex');
  const boxKey = Buffer.from(hkdfSync('sha256', key, recordId, 'lapor idempotency record', 32));
  return {
    recordId,
    seal: (purpose, value) => packBox(gcmSeal(boxKey, Buffer.from(JSON.stringify(value), 'utf8'), `${recordId}:${purpose}`)),
    open: (purpose, box) => JSON.parse(gcmOpen(boxKey, unpackBox(box), `${recordId}:${purpose}`).toString('utf8')) as unknown,
  };
}

/** What makes two requests "the same": method, path, precondition and the parsed body. */
export function requestFingerprint(request: { readonly method: string; readonly path: string; readonly ifMatch?: string; readonly body: unknown }): string {
  return createHash('sha256').update(canonicalJson({ ...request, body: request.body ?? null }), 'utf8').digest('hex');
}
