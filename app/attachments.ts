import { join } from 'node:path';
import type { Router } from 'express';
import { attachmentUploadRouter } from '../commands/attachments/http/attachmentUploadRouter';
import type { AttachmentStore } from '../commands/attachments/store/attachmentStore';
import { diskAttachmentStore } from '../commands/attachments/store/diskAttachmentStore';
import type { Config } from './config';

export interface AttachmentSide {
  readonly store: AttachmentStore;
  /** `POST /api/attachments`: mounted before the JSON body parser (a multipart body). */
  readonly uploadRouter: Router;
}

/** Attachments on disk under ATTACHMENTS_DIR (default `<DATA_DIR>/attachments`), uploads up to ATTACHMENT_MAX_BYTES. */
export function createAttachmentSide(config: Pick<Config, 'DATA_DIR' | 'ATTACHMENTS_DIR' | 'ATTACHMENT_MAX_BYTES'>): AttachmentSide {
  const store = diskAttachmentStore(config.ATTACHMENTS_DIR ?? join(config.DATA_DIR, 'attachments'));
  return { store, uploadRouter: attachmentUploadRouter({ store, maxBytes: config.ATTACHMENT_MAX_BYTES }) };
}
