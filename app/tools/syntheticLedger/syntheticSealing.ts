import { createCipheriv, createHash } from 'node:crypto';
import type { PersonalData, SealedPersonalData } from '../../../domain/personalData';

/**
 * Sealing for synthetic ledgers only: data keys and IVs are derived from the seed, so the
 * same seed gives byte-identical events (and hashes). Anyone who knows the seed can open
 * them, which is fine for data that describes nobody. Real submissions use the vault's
 * random keys and IVs. Each (key, complaint) pair gets its own IV, so no GCM IV is reused.
 */
export function syntheticDataKey(seed: number, keyId: string): Buffer {
  return createHash('sha256').update(`lapor-synthetic-data-key:${seed}:${keyId}`).digest();
}

export function sealSynthetic(dataKey: Buffer, keyId: string, complaintId: string, data: PersonalData): SealedPersonalData {
  const iv = createHash('sha256').update(`${keyId}:${complaintId}`).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  // The vault binds each envelope to its key id (AAD), so PersonalDataVault.open reads these as its own.
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { keyId, alg: 'A256GCM', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}
