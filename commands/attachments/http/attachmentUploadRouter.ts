import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { HttpProblem } from '../../../app/http/httpProblem';
import { jsonResult } from '../../../app/http/httpResult';
import { problem } from '../../../app/http/problem';
import { sendResult } from '../../../app/http/sendResult';
import { ATTACHMENT_MEDIA_TYPES, sniffMediaType } from '../media/mediaType';
import { stripMetadata } from '../media/stripMetadata';
import { attachmentIdOf, type AttachmentStore } from '../store/attachmentStore';
import type { AttachmentUploads } from '../store/attachmentUploads';
import { readSingleFile } from './singleFileUpload';

export const ATTACHMENTS_PATH = '/api/attachments';

/** The answer to an upload: what a complaint, follow-up, reply or supplement then references. */
export const StoredAttachment = z
  .object({
    id: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'SHA-256 of the stored bytes (metadata stripped), hex' }),
    mediaType: z.enum(ATTACHMENT_MEDIA_TYPES).meta({ description: 'decided from the bytes, not from the file name or the declared type' }),
    sizeBytes: z.int().min(1).meta({ description: 'size as stored, after stripping' }),
  })
  .strict();
export type StoredAttachment = z.infer<typeof StoredAttachment>;

export interface AttachmentUploadDependencies {
  readonly store: AttachmentStore;
  readonly maxBytes: number;
  /** Where the upload is recorded, so that the sweep deletes it if no complaint comes to reference it. */
  readonly uploads: Pick<AttachmentUploads, 'recordUpload'>;
  readonly clock: () => Date;
  /** Runs before the body is read (a rate limit); none without. */
  readonly limit?: RequestHandler;
}

/**
 * `POST /api/attachments`: one file in a multipart form, typed by its bytes, stripped of
 * metadata that could unmask the reporter, stored by the SHA-256 of what remains. The same
 * photo uploaded twice is the same attachment, so a retried upload is harmless.
 * Mounted before the JSON body parser (it reads its own body).
 */
export function attachmentUploadRouter(deps: AttachmentUploadDependencies): Router {
  const router = Router();
  const upload: RequestHandler = async (req, res) => {
    const bytes = await readSingleFile(req, deps.maxBytes);
    const mediaType = sniffMediaType(bytes);
    if (mediaType === undefined) {
      throw new HttpProblem(
        problem(415, 'unsupported_file_type', 'The file type is not accepted', { detail: 'the file is none of JPEG, PNG, WebP or PDF, judged by its content (not its name or declared type)' }),
      );
    }
    const stripped = stripMetadata(mediaType, bytes);
    if (!stripped.ok) throw new HttpProblem(problem(422, 'malformed_file', 'The file cannot be read', { detail: stripped.reason }));
    // Recorded before it is stored: a sweep deleting these very bytes holds the record's lock
    // until the old file is gone, so this upload then stores them anew (attachmentUploads.ts).
    await deps.uploads.recordUpload(attachmentIdOf(stripped.bytes), deps.clock());
    const { id } = await deps.store.put(stripped.bytes);
    const body: StoredAttachment = { id, mediaType, sizeBytes: stripped.bytes.length };
    sendResult(res, jsonResult(201, body, { location: `${ATTACHMENTS_PATH}/${id}` }));
  };
  router.post(ATTACHMENTS_PATH, ...(deps.limit ? [deps.limit] : []), upload);
  return router;
}
