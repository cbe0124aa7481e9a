import type { Authenticator } from '../../app/http/authenticate';
import { jsonResult } from '../../app/http/httpResult';
import { complaintStreamId } from '../../commands/complaintStream';
import type { CaseView } from '../../domain/complaint';
import { verifyChain } from '../../eventstore/hashChain';
import type { EventStore } from '../../eventstore/port';
import { OVERSIGHT_PROJECTION, oversightComplaintsCollection } from '../../projections/oversight/oversightProjection';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import { describedRoute, type DescribedRoute } from '../openapi/describedRoute';
import { commonProblems } from '../openapi/problemSchema';
import type { IdentityReadLog } from '../staff/identityReadLog';
import { CaseViewSchema } from '../views/caseViewSchema';
import { ComplaintHistory } from './complaintHistorySchema';
import { complaintNotFound, requireOversightOf } from './oversightAccess';
import { ComplaintParams } from './oversightSchemas';

export interface OversightComplaintDependencies {
  readonly reader: ReadModelReader;
  readonly ledger: Pick<EventStore, 'readStream'>;
  readonly identityReads: IdentityReadLog;
  readonly authenticate: Authenticator;
}

const NO_STORE = { 'cache-control': 'no-store' } as const;

/** Written data no overseer needs: the receipt access-code hash (old ones are unpeppered scrypt, open to offline guessing). */
const WITHHELD_FIELDS = ['accessCodeHash'] as const;

/** The data as written, less the withheld fields (named, so the reader knows the hash was taken over more). */
function withheldFrom(written: unknown): { data: unknown; withheld?: string[] } {
  if (typeof written !== 'object' || written === null || Array.isArray(written)) return { data: written };
  const data: Record<string, unknown> = { ...(written as Record<string, unknown>) };
  const withheld = WITHHELD_FIELDS.filter((field) => field in data);
  for (const field of withheld) delete data[field];
  return withheld.length === 0 ? { data } : { data, withheld };
}
const objectProblems = { 400: commonProblems[400], 401: commonProblems[401], 404: commonProblems[404], 500: commonProblems[500] } as const;

/** One complaint for the Ombudsman (and SP4N admins): its whole case file, and its history from the ledger with the chain verified. */
export function oversightComplaintRoutes(deps: OversightComplaintDependencies): DescribedRoute[] {
  return [
    describedRoute(
      {
        method: 'get',
        path: '/api/oversight/complaints/{id}',
        operationId: 'oversightComplaint',
        summary: "The whole case file, the reporter's identity and contact included",
        description: 'The read of the identity is recorded in the ledger (ReporterIdentityAccessed) before the answer is sent, and shows in the history.',
        tag: 'oversight',
        auth: 'bearer',
        request: { params: ComplaintParams },
        responses: { 200: { description: 'The case file as the Ombudsman sees it', body: CaseViewSchema }, ...objectProblems, 503: commonProblems[503] },
      },
      async ({ params }, { actor }) => {
        requireOversightOf(actor);
        const stored = await deps.reader.getDocument<CaseView>(OVERSIGHT_PROJECTION, oversightComplaintsCollection.name, params.id);
        if (stored === undefined) throw complaintNotFound();
        const view = CaseViewSchema.parse(stored.body) as CaseView;
        await deps.identityReads.record(actor, 'oversightComplaint', [view]);
        return jsonResult(200, view, NO_STORE);
      },
      deps.authenticate,
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/oversight/complaints/{id}/history',
        operationId: 'oversightComplaintHistory',
        summary: "Every event of the complaint from the ledger, with actors and times, and the result of verifying the stream's hash chain",
        description: 'Read from the ledger, not from a read model; staff reads of the reporter identity appear as ReporterIdentityAccessed events.',
        tag: 'oversight',
        auth: 'bearer',
        request: { params: ComplaintParams },
        responses: { 200: { description: 'The history and its verification', body: ComplaintHistory }, ...objectProblems },
      },
      async ({ params }, { actor }) => {
        requireOversightOf(actor);
        const streamId = complaintStreamId(params.id);
        const recorded = await deps.ledger.readStream(streamId);
        if (recorded.length === 0) throw complaintNotFound();
        const events = recorded.map(({ streamRevision, type, data: written, metadata, recordedAt, hash }) => ({
          ...withheldFrom(written),
          revision: streamRevision,
          eventId: metadata.eventId,
          type,
          actor: metadata.actor,
          channel: metadata.channel,
          occurredAt: metadata.occurredAt,
          recordedAt,
          correlationId: metadata.correlationId,
          causationId: metadata.causationId,
          schemaVersion: metadata.schemaVersion,
          hash,
        }));
        return jsonResult(200, { complaintId: params.id, streamId, events, verification: verifyChain(recorded) }, NO_STORE);
      },
      deps.authenticate,
    ),
  ];
}
