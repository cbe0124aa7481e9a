import { createHash } from 'node:crypto';
import type { AttachmentMediaType } from '../media/mediaType';

/** An attachment's id: the SHA-256 of its stored (stripped) bytes, in lower-case hex. */
export const ATTACHMENT_ID_PATTERN = /^[0-9a-f]{64}$/;

export const attachmentIdOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Where attachment bytes live, content-addressed: the same bytes are stored once under one id.
 * The default adapter is a directory (diskAttachmentStore.ts); an S3-compatible one can take its place.
 */
export interface AttachmentStore {
  /** Stores the bytes under attachmentIdOf(bytes); bytes already stored are not written again. */
  put(bytes: Buffer): Promise<{ readonly id: string; readonly newlyStored: boolean }>;
  /** The bytes stored under the id, or undefined. */
  get(id: string): Promise<Buffer | undefined>;
  /** What is stored under the id, without reading it all (a reference is checked against it), or undefined. */
  describe(id: string): Promise<StoredFile | undefined>;
  /**
   * Removes what is stored under the id (an upload no complaint came to reference); nothing
   * stored, or an id that is not one, is no error. Only the upload sweep calls it, under the
   * locks of attachmentUploads.ts.
   */
  delete(id: string): Promise<void>;
}

export interface StoredFile {
  readonly mediaType: AttachmentMediaType;
  readonly sizeBytes: number;
}
