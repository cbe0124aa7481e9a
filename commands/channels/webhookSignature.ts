import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Gateways sign each delivery as `X-Lapor-Signature: t=<unix seconds>,v1=<hex>` where v1 is
 * HMAC-SHA256(shared secret, `<t>.<raw body>`) (the scheme Stripe and Slack use). Signing the
 * timestamp with the body lets us refuse a captured delivery replayed later; signing the raw
 * bytes, not re-serialised JSON, makes the check independent of key order and spacing.
 */
export const SIGNATURE_HEADER = 'x-lapor-signature';

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export const webhookSignatureOf = (secret: string, timestamp: number, rawBody: Uint8Array): string =>
  createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody).digest('hex');

const HEADER = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/;

/** Constant-time comparison of the signature; a timestamp further than `maxAgeSeconds` from `now` (either way) is stale. */
export function checkWebhookSignature(input: {
  readonly secret: string;
  readonly header: string | undefined;
  readonly rawBody: Uint8Array;
  readonly now: Date;
  readonly maxAgeSeconds: number;
}): SignatureCheck {
  if (input.header === undefined) return { ok: false, reason: 'missing' };
  const match = HEADER.exec(input.header.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const timestamp = Number(match[1]);
  const expected = Buffer.from(webhookSignatureOf(input.secret, timestamp, input.rawBody), 'hex');
  const given = Buffer.from(match[2]!, 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  // Only a genuine delivery learns that it is too old (a gateway with a drifting clock needs to know).
  if (Math.abs(input.now.getTime() / 1000 - timestamp) > input.maxAgeSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}
