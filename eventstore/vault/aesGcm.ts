import { createCipheriv, createDecipheriv } from 'node:crypto';
import { pooledRandomBytes } from './randomPool';

const IV_BYTES = 12;

export interface GcmBox {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/** AES-256-GCM with a fresh 96-bit IV; `aad` binds the box to its context (e.g. the key id). */
export function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): GcmBox {
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Throws when the key, the AAD or any byte of the box is wrong. */
export function gcmOpen(key: Buffer, box: GcmBox, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, box.iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(box.tag);
  return Buffer.concat([decipher.update(box.ciphertext), decipher.final()]);
}

/** Wrapped data key layout: iv (12) | tag (16) | ciphertext (32). */
export function packBox(box: GcmBox): Buffer {
  return Buffer.concat([box.iv, box.tag, box.ciphertext]);
}

export function unpackBox(packed: Buffer): GcmBox {
  return { iv: packed.subarray(0, IV_BYTES), tag: packed.subarray(IV_BYTES, IV_BYTES + 16), ciphertext: packed.subarray(IV_BYTES + 16) };
}
