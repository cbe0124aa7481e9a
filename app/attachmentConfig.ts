import { z } from 'zod';
import { HttpsOrLoopbackUrl } from './auth/jwtConfig';

/** The attachment part of the configuration (spread into app/config.ts). */
export const AttachmentConfig = z.object({
  /** Largest attachment accepted (413 beyond), in bytes; 10 MiB by default. */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(100_000_000).default(10 * 1024 * 1024),
  /** Attachment uploads per hour per client address (429 beyond); off with all rate limits when INTAKE_RATE_PER_HOUR is 0. */
  ATTACHMENT_UPLOADS_PER_HOUR: z.coerce.number().int().positive().default(60),
  /** Hours an upload may wait for a complaint to reference it; the scheduler deletes it after (app/scheduler/uploadSweepPass.ts). */
  ATTACHMENT_UPLOAD_GRACE_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
  /** Where uploaded attachments are stored; `<DATA_DIR>/attachments` by default. On several API nodes, a directory they share. */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  /** An S3-compatible service instead of the directory: its base URL (objects addressed path-style). */
  ATTACHMENTS_S3_ENDPOINT: HttpsOrLoopbackUrl.optional(),
  ATTACHMENTS_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
  ATTACHMENTS_S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a region name like ap-southeast-3').default('us-east-1'),
  ATTACHMENTS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ATTACHMENTS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});
export type AttachmentConfig = z.infer<typeof AttachmentConfig>;

const S3_REQUIRED = ['ATTACHMENTS_S3_BUCKET', 'ATTACHMENTS_S3_ACCESS_KEY_ID', 'ATTACHMENTS_S3_SECRET_ACCESS_KEY'] as const;

/** What is wrong across the attachment variables (the one line start-up stops with), or undefined. */
export function attachmentConfigProblem(config: AttachmentConfig): string | undefined {
  if (config.ATTACHMENTS_S3_ENDPOINT === undefined) return undefined;
  const missing = S3_REQUIRED.find((name) => config[name] === undefined);
  if (missing !== undefined) return `${missing}: required with ATTACHMENTS_S3_ENDPOINT`;
  if (config.ATTACHMENTS_DIR !== undefined) return 'ATTACHMENTS_DIR: set either ATTACHMENTS_DIR or ATTACHMENTS_S3_ENDPOINT, not both';
  return undefined;
}
