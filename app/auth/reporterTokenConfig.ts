import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';

const isEd25519PrivateKeyPem = (pem: string): boolean => {
  try {
    const key = createPrivateKey(pem);
    return key.type === 'private' && key.asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
};

/**
 * Reporter sign-in (spread into app/config.ts). The API itself issues reporters' tokens (an
 * SSO issues staff tokens, not citizens'), under an issuer of its own that the verifier
 * accepts beside JWT_ISSUER, for the reporter role only.
 */
export const ReporterTokenConfig = z.object({
  REPORTER_JWT_ISSUER: z.string().min(1).default('lapor-reporter-sign-in'),
  /** PKCS#8 PEM of an Ed25519 key; without it, a key derived from the vault master key (the same on every node). */
  REPORTER_JWT_PRIVATE_KEY: z
    .string()
    .transform((pem) => pem.replaceAll('\\n', '\n'))
    .refine(isEd25519PrivateKeyPem, 'must be an Ed25519 private key in PEM (PKCS#8) form')
    .optional(),
  REPORTER_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Sign-in code requests per hour per client address and per contact, and registrations per address (with the other limits on); 0 turns them off. */
  SIGN_IN_RATE_PER_HOUR: z.coerce.number().int().min(0).default(10),
});
export type ReporterTokenConfig = z.infer<typeof ReporterTokenConfig>;
