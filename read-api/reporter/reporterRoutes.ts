import { z } from 'zod';
import { HttpProblem } from '../../app/http/httpProblem';
import { jsonResult } from '../../app/http/httpResult';
import { problem } from '../../app/http/problem';
import type { Authenticator } from '../../app/http/authenticate';
import type { AccessCodes } from '../../commands/accessCodeHash';
import { openReceipt, receiptNotFound } from '../../commands/http/receipt';
import type { Actor } from '../../eventstore/metadata';
import { REPORTER_PROJECTION, reporterComplaintsCollection } from '../../projections/reporter/reporterProjection';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import { accessCodeHeaders } from '../accessCodeHeaders';
import { describedRoute, type DescribedRoute } from '../openapi/describedRoute';
import { commonProblems, problemResponse } from '../openapi/problemSchema';
import { cursorParameter, limitParameter, pageOf } from '../pagination';
import { TrackingIdParameter } from '../trackingIdParameter';
import { CaseViewSchema } from '../views/caseViewSchema';
import { findReporterDocument, ReporterDocument } from './reporterDocument';

const ListQuery = z.object({ cursor: cursorParameter('string').optional(), limit: limitParameter(100, 20) }).strict();
const ComplaintParams = z.object({ trackingId: TrackingIdParameter }).strict();
const AccessCodeHeaders = accessCodeHeaders('The access code printed on the receipt (any case, hyphens ignored); not needed when logged in as the reporter');

const ownAccount = (actor: Actor): string | undefined => (actor.role === 'reporter' ? actor.id : undefined);

/** A reporter's own complaints, confidential content and the conversation included: by login, or by tracking id and access code. */
export function reporterRoutes(deps: {
  readonly reader: ReadModelReader;
  readonly authenticate: Authenticator;
  readonly accessCodes: Pick<AccessCodes, 'verify'>;
}): DescribedRoute[] {
  return [
    describedRoute(
      {
        method: 'get',
        path: '/api/reporter/complaints',
        operationId: 'listOwnComplaints',
        summary: "The logged-in reporter's complaints, newest first",
        tag: 'reporter',
        auth: 'bearer',
        request: { query: ListQuery },
        responses: {
          200: { description: 'A page of complaints, as the reporter sees them', body: pageOf(CaseViewSchema) },
          400: commonProblems[400],
          401: commonProblems[401],
          403: problemResponse('The token is not a reporter login'),
          500: commonProblems[500],
        },
      },
      async ({ query }, { actor }) => {
        const accountId = ownAccount(actor);
        if (accountId === undefined) throw new HttpProblem(problem(403, 'not_a_reporter', 'Not permitted', { detail: 'this list is for a reporter login' }));
        const page = await deps.reader.findDocuments(REPORTER_PROJECTION, {
          collection: reporterComplaintsCollection.name,
          where: [{ field: 'accountId', op: 'eq', value: accountId }],
          orderBy: { field: 'submittedAt', direction: 'desc' },
          limit: query.limit,
          ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        });
        const items = page.items.map((d) => ReporterDocument.parse(d.body).view);
        return jsonResult(200, { items, ...(page.next === undefined ? {} : { next: page.next }) }, { 'cache-control': 'no-store' });
      },
      deps.authenticate,
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/reporter/complaints/{trackingId}',
        operationId: 'getOwnComplaint',
        summary: "One complaint as its reporter sees it: by the reporter's login, or by the receipt's access code in X-Access-Code",
        description: 'An unknown tracking id, a complaint of someone else and a wrong access code all answer the same 404.',
        tag: 'reporter',
        auth: 'optional',
        request: { params: ComplaintParams, headers: AccessCodeHeaders },
        responses: {
          200: { description: "The reporter's view: confidential content, contact details, follow-ups and messages", body: CaseViewSchema },
          400: commonProblems[400],
          401: commonProblems[401],
          404: commonProblems[404],
          // app/commandSide.ts limits the tries with an access code (when configured) before this route runs.
          429: problemResponse('Too many access-code tries from this address or for this complaint this hour; see Retry-After'),
          500: commonProblems[500],
        },
      },
      async ({ params, headers }, { actor }) => {
        const found = await findReporterDocument(deps.reader, params.trackingId);
        const accountId = ownAccount(actor);
        if (found !== undefined && accountId !== undefined && found.accountId === accountId) return jsonResult(200, found.document.view, { 'cache-control': 'no-store' });
        const code = headers['x-access-code'];
        if (code === undefined) throw receiptNotFound();
        const { record } = await openReceipt(deps.accessCodes, code, found?.document);
        return jsonResult(200, record.view, { 'cache-control': 'no-store' });
      },
      deps.authenticate,
    ),
  ];
}
