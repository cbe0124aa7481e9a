import { createPublicKey } from 'node:crypto';
import { z } from 'zod';

/**
 * Asymmetric algorithms only: the API verifies, it never shares a signing secret with
 * an SSO. `none` and the HMAC family are not even expressible here.
 */
export const JwtAlgorithm = z.enum(['EdDSA', 'ES256', 'ES384', 'RS256', 'PS256']);
export type JwtAlgorithm = z.infer<typeof JwtAlgorithm>;

/** Environment variables often carry PEM with literal `\n`; accept both spellings. */
const unescapeNewlines = (pem: string): string => pem.replaceAll('\\n', '\n');

const isPublicKeyPem = (pem: string): boolean => {
  try {
    return createPublicKey(pem).type === 'public';
  } catch {
    return false;
  }
};

const isLoopback = (url: URL): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** A URL the server calls out to: https, or http on loopback only (development). */
export const HttpsOrLoopbackUrl = z.url().refine((text) => {
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
}, 'must be an https:// URL (http:// only on loopback)');

/** The JWT part of the configuration (spread into app/config.ts). */
export const JwtConfig = z.object({
  JWT_ISSUER: z.string().min(1).default('lapor-dev'),
  JWT_AUDIENCE: z.string().min(1).default('lapor-api'),
  /** Comma-separated, e.g. `RS256` for a government SSO; pinned so a token cannot choose its own. */
  JWT_ALGORITHMS: z
    .string()
    .default('EdDSA')
    .transform((list) => list.split(',').map((name) => name.trim()))
    .pipe(z.array(JwtAlgorithm).min(1)),
  /** SPKI PEM of the issuer's key. Neither this nor JWT_JWKS_URL: a development key pair in DATA_DIR. */
  JWT_PUBLIC_KEY: z
    .string()
    .transform(unescapeNewlines)
    .refine(isPublicKeyPem, 'must be a public key in PEM (SPKI) form')
    .optional(),
  JWT_JWKS_URL: HttpsOrLoopbackUrl.optional(),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
});
export type JwtConfig = z.infer<typeof JwtConfig>;
