import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { HttpProblem } from '../../../app/http/httpProblem';
import { validationProblem, type FieldError } from '../../../app/http/problem';
import { Attachments, type AttachmentRef } from '../../../domain/complaint';
import type { AttachmentStore, StoredFile } from '../store/attachmentStore';
import type { AttachmentUploads } from '../store/attachmentUploads';

/** The routes whose bodies carry `attachments`: filing, and the actions (follow-ups, reply, supplement) by id or by receipt. */
const ROUTES_WITH_ATTACHMENTS = /^\/api\/(complaints(\/[^/]+\/[^/]+)?|reporter\/complaints\/[^/]+\/[^/]+)$/;

const WithAttachments = z.looseObject({ attachments: Attachments });

// Most bodies carry no attachments: skip them before parsing (a loose-object parse copies the whole body).
const hasAttachmentsField = (body: unknown): boolean => typeof body === 'object' && body !== null && 'attachments' in body;

function mismatchesOf(ref: AttachmentRef, stored: StoredFile | undefined, index: number): FieldError[] {
  const path = `body.attachments.${index}`;
  if (stored === undefined) return [{ path: `${path}.id`, message: 'no attachment with this id was uploaded (POST /api/attachments first)' }];
  return [
    ...(ref.mediaType === stored.mediaType ? [] : [{ path: `${path}.mediaType`, message: `the uploaded file is ${stored.mediaType}` }]),
    ...(ref.sizeBytes === stored.sizeBytes ? [] : [{ path: `${path}.sizeBytes`, message: `the uploaded file has ${stored.sizeBytes} bytes` }]),
  ];
}

/**
 * Before a command that references attachments runs, each reference must name an uploaded
 * file with the type and size the upload answered, so a read model never shows a type or a
 * size the file does not have, nor a file that is not there (or swept away as unreferenced). A body the route would refuse
 * anyway passes through to the route's own validation.
 */
export function attachmentReferenceCheck(store: Pick<AttachmentStore, 'describe'>, uploads: Pick<AttachmentUploads, 'recordReference'>, clock: () => Date): Router {
  // A middleware, not routes: the command routers own these paths (and the OpenAPI document lists theirs).
  const check: RequestHandler = async (req, _res, next) => {
    if (req.method !== 'POST' || !hasAttachmentsField(req.body) || !ROUTES_WITH_ATTACHMENTS.test(req.path)) return next();
    const parsed = WithAttachments.safeParse(req.body);
    if (!parsed.success || parsed.data.attachments.length === 0) return next();
    // Touched before looked up: the upload sweep then leaves these files be, or has already
    // deleted one (it held the record's lock until the file was gone) and the lookup says so.
    await uploads.recordReference(parsed.data.attachments.map((ref) => ref.id), clock());
    const stored = await Promise.all(parsed.data.attachments.map((ref) => store.describe(ref.id)));
    const errors = parsed.data.attachments.flatMap((ref, index) => mismatchesOf(ref, stored[index], index));
    if (errors.length > 0) throw new HttpProblem(validationProblem(errors));
    next();
  };
  const router = Router();
  router.use(check);
  return router;
}
