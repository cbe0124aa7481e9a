import { join } from 'node:path';
import type { Router } from 'express';
import { attachmentReferenceCheck } from '../commands/attachments/http/attachmentReferenceCheck';
import { attachmentUploadRouter } from '../commands/attachments/http/attachmentUploadRouter';
import type { AttachmentStore } from '../commands/attachments/store/attachmentStore';
import { diskAttachmentStore } from '../commands/attachments/store/diskAttachmentStore';
import { AttachmentUploads } from '../commands/attachments/store/attachmentUploads';
import { s3AttachmentStore } from '../commands/attachments/store/s3AttachmentStore';
import type { SqlClient } from '../eventstore/postgres/sqlClient';
import type { AttachmentConfig } from './attachmentConfig';
import type { Config } from './config';
import { clientAddressOf, rateLimit, type RateLimitCheck } from './http/rateLimit';
import { hourly } from './http/rateLimitRules';
import type { RateLimitStore } from './http/rateLimitStore';

export interface AttachmentSide {
  readonly store: AttachmentStore;
  /** The uploads not yet known to be referenced, for the scheduler's sweep (app/scheduler/uploadSweepPass.ts). */
  readonly uploads: AttachmentUploads;
  /** `POST /api/attachments`: mounted before the JSON body parser (a multipart body). */
  readonly uploadRouter: Router;
  /** Mounted before the command routes: references must name uploaded files. */
  readonly referenceCheck: Router;
}

/** Uploads per client address: each may put up to ATTACHMENT_MAX_BYTES on disk, so a public route needs a bound. */
export const attachmentUploadRateChecks = (perHour: number): RateLimitCheck[] => [{ rule: hourly('attachment-address', perHour), subjectsOf: (req) => [clientAddressOf(req)] }];

/** The S3-compatible store when ATTACHMENTS_S3_ENDPOINT is set (loadConfig has checked its companions), else the directory. */
function storeOf(config: Pick<Config, 'DATA_DIR'> & AttachmentConfig): AttachmentStore {
  const { ATTACHMENTS_S3_ENDPOINT: endpoint, ATTACHMENTS_S3_BUCKET: bucket, ATTACHMENTS_S3_ACCESS_KEY_ID: accessKeyId, ATTACHMENTS_S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if (endpoint !== undefined && bucket !== undefined && accessKeyId !== undefined && secretAccessKey !== undefined) {
    return s3AttachmentStore({ endpoint, bucket, accessKeyId, secretAccessKey, region: config.ATTACHMENTS_S3_REGION });
  }
  return diskAttachmentStore(config.ATTACHMENTS_DIR ?? join(config.DATA_DIR, 'attachments'));
}

/** Where uploads are tracked (`sql`, `schema`: the ledger's database), the limits when on, the clock of the tracking. */
export interface AttachmentSideParts {
  readonly sql: SqlClient;
  readonly schema: string;
  readonly rateLimits?: RateLimitStore;
  readonly clock?: () => Date;
}

/**
 * Attachments in an S3-compatible bucket, or on disk under ATTACHMENTS_DIR (default `<DATA_DIR>/attachments`), uploads up to
 * ATTACHMENT_MAX_BYTES, limited per address when the rate limits are on (`rateLimits`), tracked until referenced.
 */
export async function createAttachmentSide(config: Pick<Config, 'DATA_DIR'> & AttachmentConfig, parts: AttachmentSideParts): Promise<AttachmentSide> {
  const store = storeOf(config);
  const uploads = await AttachmentUploads.open(parts.sql, parts.schema);
  const clock = parts.clock ?? (() => new Date());
  const limit = parts.rateLimits && rateLimit(parts.rateLimits, attachmentUploadRateChecks(config.ATTACHMENT_UPLOADS_PER_HOUR));
  return {
    store,
    uploads,
    uploadRouter: attachmentUploadRouter({ store, uploads, clock, maxBytes: config.ATTACHMENT_MAX_BYTES, ...(limit ? { limit } : {}) }),
    referenceCheck: attachmentReferenceCheck(store, uploads, clock),
  };
}
