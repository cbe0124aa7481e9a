import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';

/** PKCS#8 DER of an Ed25519 private key up to its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/**
 * The key reporter tokens are signed with: the configured PEM, else an Ed25519 key whose seed
 * is derived (HKDF-SHA256) from the vault master key. The master key is configured on every
 * node of a server deployment (and generated into DATA_DIR when embedded), so all nodes sign
 * and verify with the same key and no further secret needs distributing; the derivation is
 * one-way, so the token key reveals nothing of the master key.
 */
export function reporterSigningKey(configuredPem: string | undefined, masterKey: Uint8Array): SigningKeyPair {
  const privateKey =
    configuredPem !== undefined
      ? createPrivateKey(configuredPem)
      : createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lapor reporter token key v1', 32))]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
