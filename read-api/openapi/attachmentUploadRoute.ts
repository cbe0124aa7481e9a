import { z } from 'zod';
import { ATTACHMENTS_PATH, StoredAttachment } from '../../commands/attachments/http/attachmentUploadRouter';
import { FILE_FIELD } from '../../commands/attachments/http/singleFileUpload';
import { commonProblems, problemResponse } from './problemSchema';
import type { RouteDescription } from './routeDescription';

/** `POST /api/attachments` (commands/attachments/http/attachmentUploadRouter.ts), described. */
export const attachmentUploadDescription: RouteDescription = {
  method: 'post',
  path: ATTACHMENTS_PATH,
  operationId: 'uploadAttachment',
  summary: 'Upload one file (JPEG, PNG, WebP or PDF) to attach to a complaint, follow-up, reply or supplement',
  description:
    'The type is decided from the bytes. Photos are stored without their metadata (Exif with GPS, XMP, IPTC, comments, text chunks); the id is the SHA-256 of the stored bytes, so the same file uploaded twice is the same attachment. Reference it as `{id, name, mediaType, sizeBytes}` in `attachments`.',
  tag: 'attachments',
  auth: 'none',
  request: {
    body: z.object({ [FILE_FIELD]: z.string().meta({ format: 'binary', description: 'the file' }) }).strict(),
    bodyContentType: 'multipart/form-data',
  },
  responses: {
    201: { description: 'Stored (or already stored): the id to reference; Location names where it is read', body: StoredAttachment },
    400: commonProblems[400],
    413: problemResponse('The file is larger than the configured limit (ATTACHMENT_MAX_BYTES)'),
    415: problemResponse('The body is not multipart/form-data, or the file is none of JPEG, PNG, WebP or PDF by its content'),
    422: problemResponse('The file claims a type by its signature but its structure cannot be read'),
    429: problemResponse('Too many uploads from this address this hour (ATTACHMENT_UPLOADS_PER_HOUR); see Retry-After'),
    500: commonProblems[500],
  },
};
