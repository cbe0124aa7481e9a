import { z } from 'zod';
import { HttpProblem } from '../../app/http/httpProblem';
import { problem } from '../../app/http/problem';
import type { Authenticator } from '../../app/http/authenticate';
import type { AccessCodes } from '../../commands/accessCodeHash';
import { ATTACHMENT_MEDIA_TYPES, EXTENSION_OF, sniffMediaType } from '../../commands/attachments/media/mediaType';
import { ATTACHMENT_ID_PATTERN, type AttachmentStore } from '../../commands/attachments/store/attachmentStore';
import type { AgencyRegistry } from '../../domain/routing';
import { ATTACHMENT_READERS_PROJECTION, attachmentReadersCollection, type AttachmentReaders } from '../../projections/attachments/attachmentReadersProjection';
import { LAST_POSITION } from '../../projections/store/collectionSpec';
import { MAX_PAGE_SIZE } from '../../projections/store/documentQuery';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import { accessCodeHeaders } from '../accessCodeHeaders';
import { binaryResult, describedRoute, type DescribedRoute } from '../openapi/describedRoute';
import { commonProblems, problemResponse } from '../openapi/problemSchema';
import { mayReadAttachment, receiptOpensAttachment } from './attachmentAccess';

const AttachmentParams = z.object({ attachmentId: z.string().regex(ATTACHMENT_ID_PATTERN, 'expected the attachment id: 64 lower-case hex digits') }).strict();

const AccessCodeHeaders = accessCodeHeaders("The access code printed on a complaint's receipt (any case, hyphens ignored): opens the attachments that complaint's reporter sees, confidential or not");

const AttachmentReadersSchema = z.object({
  public: z.boolean(),
  reporterAccountId: z.string().nullable(),
  accessCodeHash: z.string().nullable(),
  agencyIds: z.array(z.string()),
  admin: z.boolean(),
  ombudsman: z.boolean(),
}) satisfies z.ZodType<AttachmentReaders>;

const notFound = (): HttpProblem =>
  new HttpProblem(problem(404, 'not_found', 'No such attachment', { detail: 'no attachment you may read has this id' }));

export interface AttachmentReadDependencies {
  readonly reader: ReadModelReader;
  readonly authenticate: Authenticator;
  readonly agencies: Pick<AgencyRegistry, 'exists' | 'parentOf'>;
  readonly attachments: AttachmentStore;
  readonly accessCodes: Pick<AccessCodes, 'verify'>;
}

/** The readers of the attachment in every complaint that references it. */
async function readersOf(reader: ReadModelReader, attachmentId: string): Promise<AttachmentReaders[]> {
  const readers: AttachmentReaders[] = [];
  let cursor: string | undefined;
  do {
    const page = await reader.findDocuments(ATTACHMENT_READERS_PROJECTION, {
      collection: attachmentReadersCollection.name,
      where: [{ field: 'attachmentId', op: 'eq', value: attachmentId }],
      orderBy: { field: LAST_POSITION, direction: 'asc' },
      limit: MAX_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    readers.push(...page.items.map((document) => AttachmentReadersSchema.parse(document.body)));
    cursor = page.next;
  } while (cursor !== undefined);
  return readers;
}

/** `GET /api/attachments/{attachmentId}`: the stored bytes, to those who see the attachment referenced (attachmentAccess.ts). */
export function attachmentRoutes(deps: AttachmentReadDependencies): DescribedRoute[] {
  return [
    describedRoute(
      {
        method: 'get',
        path: '/api/attachments/{attachmentId}',
        operationId: 'getAttachment',
        summary: 'An attachment of a complaint, follow-up or message, as stored (metadata stripped)',
        description:
          "Anyone may read an attachment a non-confidential complaint shows publicly; otherwise its reporter (login, or the receipt's access code in X-Access-Code), officers whose agency view shows it, admins and the Ombudsman. Anyone else, another complaint's or a wrong access code, an unknown id and an upload no complaint references answer the same 404.",
        tag: 'attachments',
        auth: 'optional',
        request: { params: AttachmentParams, headers: AccessCodeHeaders },
        responses: {
          200: { description: 'The file, with the type sniffed from its bytes', body: z.string().meta({ format: 'binary' }), contentType: ATTACHMENT_MEDIA_TYPES },
          400: commonProblems[400],
          401: commonProblems[401],
          404: commonProblems[404],
          // app/commandSide.ts limits the tries with an access code (when configured) before this route runs.
          429: problemResponse('Too many access-code tries from this address or for this attachment this hour; see Retry-After'),
          500: commonProblems[500],
        },
      },
      async ({ params, headers }, { actor }) => {
        const readers = await readersOf(deps.reader, params.attachmentId);
        const code = headers['x-access-code'];
        const allowed = mayReadAttachment(actor, readers, deps.agencies) || (code !== undefined && (await receiptOpensAttachment(deps.accessCodes, code, readers)));
        if (!allowed) throw notFound();
        const bytes = await deps.attachments.get(params.attachmentId);
        const mediaType = bytes === undefined ? undefined : sniffMediaType(bytes);
        // Referenced but never uploaded here (or not a file we would have stored): nothing to serve.
        if (bytes === undefined || mediaType === undefined) throw notFound();
        const disposition = mediaType.startsWith('image/') ? 'inline' : 'attachment';
        return binaryResult(200, bytes, mediaType, {
          'x-content-type-options': 'nosniff',
          // The file name the reporter gave could name them: the id and the sniffed type make the name.
          'content-disposition': `${disposition}; filename="${params.attachmentId}.${EXTENSION_OF[mediaType]}"`,
          'content-security-policy': "default-src 'none'; sandbox",
          // A complaint made confidential later must stop being served at once: no shared caches.
          'cache-control': readers.some((r) => r.public) ? 'no-cache' : 'private, no-store',
        });
      },
      deps.authenticate,
    ),
  ];
}
