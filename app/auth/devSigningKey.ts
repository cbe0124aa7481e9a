import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The algorithm of the development key pair. */
export const DEV_TOKEN_ALGORITHM = 'EdDSA';

export interface DevSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly file: string;
}

const fileIn = (dataDir: string): string => join(dataDir, 'jwt-dev-signing-key.pem');

/**
 * The embedded default's token key: an Ed25519 pair generated once into DATA_DIR
 * (owner-readable only), so `npm start` on a bare machine has working logins and the
 * CLI can mint tokens the server accepts. Servers configure JWT_PUBLIC_KEY or a JWKS URL.
 */
export function ensureDevSigningKey(dataDir: string): DevSigningKey {
  const file = fileIn(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readDevSigningKey(dataDir);
}

/** The existing pair, for the CLI; throws when the server has never generated one. */
export function readDevSigningKey(dataDir: string): DevSigningKey {
  const file = fileIn(dataDir);
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  return { privateKey, publicKey: createPublicKey(privateKey), file };
}
