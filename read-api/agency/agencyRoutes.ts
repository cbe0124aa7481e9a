import { setTimeout as sleep } from 'node:timers/promises';
import type { Authenticator } from '../../app/http/authenticate';
import { HttpProblem } from '../../app/http/httpProblem';
import { problem } from '../../app/http/problem';
import { jsonResult } from '../../app/http/httpResult';
import type { AgencyRegistry } from '../../domain/routing';
import { agencyFeed } from '../../projections/agency/agencyQueries';
import { AGENCY_PROJECTION, agencyCasesCollection } from '../../projections/agency/agencyProjection';
import { sortableInstant } from '../../projections/shared/instants';
import type { Filter } from '../../projections/store/documentQuery';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import type { GlobalPosition } from '../../eventstore/port';
import type { CaseView } from '../../domain/complaint';
import { CaseViewSchema } from '../views/caseViewSchema';
import { describedRoute, type DescribedRoute } from '../openapi/describedRoute';
import { commonProblems } from '../openapi/problemSchema';
import type { IdentityReadLog } from '../staff/identityReadLog';
import { staffSummaryOf } from '../staff/staffComplaintSummary';
import { isAgencyReader, requireAgencyReader } from './agencyAccess';
import { AgencyCaseParams, AgencyParams, FeedPage, FeedQuery, MAX_FEED_WAIT_SECONDS, QueuePage, QueueQuery } from './agencySchemas';

const FEED_POLL_INTERVAL_MS = 500;

const NO_STORE = { 'cache-control': 'no-store' } as const;

export interface AgencyRouteDependencies {
  readonly reader: ReadModelReader;
  readonly agencies: AgencyRegistry;
  readonly identityReads: IdentityReadLog;
  readonly clock: () => Date;
  readonly authenticate: Authenticator;
}

/** The feed after `after`; with `waitSeconds`, polls the read model until a change shows or the wait is over. */
async function feedPage(reader: ReadModelReader, agencyId: string, query: { after?: string; wait: number; limit: number }) {
  const deadline = Date.now() + query.wait * 1000;
  const options = { limit: query.limit, ...(query.after === undefined ? {} : { after: query.after as GlobalPosition }) };
  for (;;) {
    const page = await agencyFeed(reader, agencyId, options);
    if (page.items.length > 0 || Date.now() + FEED_POLL_INTERVAL_MS > deadline) return page;
    await sleep(FEED_POLL_INTERVAL_MS);
  }
}

const staffProblems = { 400: commonProblems[400], 401: commonProblems[401], 404: commonProblems[404], 500: commonProblems[500] } as const;

/** An agency's queue and incremental feed, from the agency read model, for its officers and its parent's. */
export function agencyRoutes(deps: AgencyRouteDependencies): DescribedRoute[] {
  return [
    describedRoute(
      {
        method: 'get',
        path: '/api/agencies/{agencyId}/queue',
        operationId: 'agencyQueue',
        summary: 'The complaints the agency must act on, most urgent first, with due dates and overdue flags',
        description: "For officers of the agency and of its parent. Summaries only: the reporter's identity is not in a list.",
        tag: 'agency',
        auth: 'bearer',
        request: { params: AgencyParams, query: QueueQuery },
        responses: { 200: { description: 'A page of the queue', body: QueuePage }, ...staffProblems },
      },
      async ({ params, query }, { actor }) => {
        requireAgencyReader(actor, params.agencyId, deps.agencies);
        const now = deps.clock().toISOString();
        const where: Filter[] = [
          { field: 'agencyId', op: 'eq', value: params.agencyId },
          { field: 'inQueue', op: 'eq', value: true },
          ...(query.stage === undefined ? [] : [{ field: 'stage', op: 'eq' as const, value: query.stage }]),
          ...(query.status === undefined ? [] : [{ field: 'status', op: 'eq' as const, value: query.status }]),
          ...(query.overdue === undefined ? [] : [{ field: 'dueAt', op: query.overdue ? ('lt' as const) : ('gte' as const), value: sortableInstant(now) }]),
        ];
        const page = await deps.reader.findDocuments<CaseView>(AGENCY_PROJECTION, {
          collection: agencyCasesCollection.name,
          where,
          orderBy: { field: 'dueAt', direction: 'asc' },
          limit: query.limit,
          ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        });
        const items = page.items.map((d) => staffSummaryOf(d.body, now));
        return jsonResult(200, { items, ...(page.next === undefined ? {} : { next: page.next }) }, NO_STORE);
      },
      deps.authenticate,
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/agencies/{agencyId}/complaints/{id}',
        operationId: 'agencyComplaint',
        summary: 'One complaint the agency owns or handled, as the agency sees it',
        description:
          'For officers of the agency and of its parent; any other complaint is the same 404 as an unknown id. ' +
          'A reporter name shown is recorded in the ledger (ReporterIdentityAccessed) before the answer is sent.',
        tag: 'agency',
        auth: 'bearer',
        request: { params: AgencyCaseParams },
        responses: { 200: { description: 'The case as the agency sees it', body: CaseViewSchema }, ...staffProblems, 503: commonProblems[503] },
      },
      async ({ params }, { actor }) => {
        // Not this officer's agency, and no such case in it, answer alike.
        const stored = isAgencyReader(actor, params.agencyId, deps.agencies)
          ? await deps.reader.getDocument<CaseView>(AGENCY_PROJECTION, agencyCasesCollection.name, `${params.agencyId}/${params.id}`)
          : undefined;
        if (stored === undefined) throw new HttpProblem(problem(404, 'not_found', 'No such complaint', { detail: 'no complaint of an agency of yours has this id' }));
        const view = CaseViewSchema.parse(stored.body) as CaseView;
        await deps.identityReads.record(actor, 'agencyComplaint', [view], params.agencyId);
        return jsonResult(200, view, NO_STORE);
      },
      deps.authenticate,
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/agencies/{agencyId}/feed',
        operationId: 'agencyFeed',
        summary: "What changed for the agency since a position: each case at its latest change, as the agency sees it",
        description:
          `For the agency's own systems (officers of the agency and of its parent). Pass the answer's \`next\` back as \`after\`; ` +
          `\`wait\` (up to ${MAX_FEED_WAIT_SECONDS} s) holds an empty answer until a change arrives. Each reporter name shown is ` +
          'recorded in the ledger (ReporterIdentityAccessed) before the answer is sent.',
        tag: 'agency',
        auth: 'bearer',
        request: { params: AgencyParams, query: FeedQuery },
        responses: { 200: { description: 'Changes in ledger order', body: FeedPage }, ...staffProblems, 503: commonProblems[503] },
      },
      async ({ params, query }, { actor }) => {
        requireAgencyReader(actor, params.agencyId, deps.agencies);
        const page = await feedPage(deps.reader, params.agencyId, query);
        await deps.identityReads.record(actor, 'agencyFeed', page.items.map((item) => item.view), params.agencyId);
        return jsonResult(200, { items: page.items, ...(page.next === undefined ? {} : { next: page.next }) }, NO_STORE);
      },
      deps.authenticate,
    ),
  ];
}
