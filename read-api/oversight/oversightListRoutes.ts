import type { z } from 'zod';
import type { Authenticator } from '../../app/http/authenticate';
import { jsonResult } from '../../app/http/httpResult';
import type { CaseView } from '../../domain/complaint';
import { OVERSIGHT_PROJECTION, oversightComplaintsCollection } from '../../projections/oversight/oversightProjection';
import { agenciesCollection, agencyMonthsCollection, AgencyMonth, AgencyPerformance, ALL_AGENCIES } from '../../projections/shared/agencyPerformance';
import { sortableInstant } from '../../projections/shared/instants';
import type { DocumentQuery, Page } from '../../projections/store/documentQuery';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import { describedRoute, type DescribedRoute } from '../openapi/describedRoute';
import { commonProblems, problemResponse } from '../openapi/problemSchema';
import type { RouteDescription } from '../openapi/routeDescription';
import { staffSummaryOf } from '../staff/staffComplaintSummary';
import { requireOversightList } from './oversightAccess';
import { BouncingQuery, BreachesQuery, ComplianceMonths, ComplianceMonthsQuery, CompliancePage, ComplianceQuery, OversightPage, OversightSummary, UnownedQuery } from './oversightSchemas';

export interface OversightListDependencies {
  readonly reader: ReadModelReader;
  readonly authenticate: Authenticator;
  readonly clock: () => Date;
}

const DAY_MS = 86_400_000;
const NO_STORE = { 'cache-control': 'no-store' } as const;

const listProblems = {
  400: commonProblems[400],
  401: commonProblems[401],
  403: problemResponse('Oversight lists are for the Ombudsman and SP4N admins'),
  500: commonProblems[500],
} as const satisfies RouteDescription['responses'];

const cursorOf = (cursor: string | undefined): Pick<DocumentQuery, 'cursor'> => (cursor === undefined ? {} : { cursor });

function summaryPage(page: Page<CaseView>, now: string) {
  const items = page.items.map((d) =>
    OversightSummary.parse({
      ...staffSummaryOf(d.body, now),
      declineCount: d.body.oversight?.declines.length ?? 0,
      agenciesInvolved: d.body.oversight?.agenciesInvolved ?? [],
      ownedSince: d.keys.ownedSince,
    }),
  );
  return { items, ...(page.next === undefined ? {} : { next: page.next }) };
}

/** The Ombudsman's lists, from the oversight read model: summaries, never the reporter's identity. */
export function oversightListRoutes(deps: OversightListDependencies): DescribedRoute[] {
  /** A list of complaint summaries: `select` turns the parsed query (and now) into the read-model query. */
  function complaintList<Q extends z.ZodObject>(
    path: string,
    operationId: string,
    summary: string,
    query: Q,
    select: (query: z.output<Q>, now: Date) => Omit<DocumentQuery, 'collection'>,
  ): DescribedRoute {
    return describedRoute(
      {
        method: 'get',
        path,
        operationId,
        summary,
        tag: 'oversight',
        auth: 'bearer',
        request: { query },
        responses: { 200: { description: 'A page of complaints', body: OversightPage }, ...listProblems },
      },
      async (input, { actor }) => {
        requireOversightList(actor);
        const now = deps.clock();
        const selected = select(input.query as z.output<Q>, now);
        const page = await deps.reader.findDocuments<CaseView>(OVERSIGHT_PROJECTION, { collection: oversightComplaintsCollection.name, ...selected });
        return jsonResult(200, summaryPage(page, now.toISOString()), NO_STORE);
      },
      deps.authenticate,
    );
  }

  return [
    complaintList(
      '/api/oversight/breaches',
      'oversightBreaches',
      'Open complaints past the deadline of their running stage (SLA breaches), longest overdue first',
      BreachesQuery,
      (query, now) => ({
        where: [
          { field: 'open', op: 'eq', value: true },
          ...(query.stage === undefined ? [] : [{ field: 'stage', op: 'eq' as const, value: query.stage }]),
          { field: 'dueAt', op: 'lt', value: sortableInstant(now.toISOString()) },
        ],
        orderBy: { field: 'dueAt', direction: 'asc' },
        limit: query.limit,
        ...cursorOf(query.cursor),
      }),
    ),
    complaintList(
      '/api/oversight/bouncing',
      'oversightBouncing',
      'Complaints declined by agencies again and again (two or more times), most declined first',
      BouncingQuery,
      (query) => ({
        where: [{ field: 'declineCount', op: 'gte', value: query.minDeclines }],
        orderBy: { field: 'declineCount', direction: 'desc' },
        limit: query.limit,
        ...cursorOf(query.cursor),
      }),
    ),
    complaintList(
      '/api/oversight/unowned',
      'oversightUnowned',
      'Open complaints no agency owns (in the admin queue) for longer than the limit, longest first',
      UnownedQuery,
      (query, now) => ({
        where: [
          { field: 'open', op: 'eq', value: true },
          { field: 'ownerKind', op: 'eq', value: 'admin_queue' },
          { field: 'ownedSince', op: 'lt', value: new Date(now.getTime() - query.olderThanDays * DAY_MS).toISOString() },
        ],
        orderBy: { field: 'ownedSince', direction: 'asc' },
        limit: query.limit,
        ...cursorOf(query.cursor),
      }),
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/oversight/agencies',
        operationId: 'oversightCompliance',
        summary: 'Per-agency compliance (responses and resolutions on time, declines, overdue escalations), least compliant first',
        tag: 'oversight',
        auth: 'bearer',
        request: { query: ComplianceQuery },
        responses: { 200: { description: 'A page of agencies', body: CompliancePage }, ...listProblems },
      },
      async ({ query }, { actor }) => {
        requireOversightList(actor);
        const page = await deps.reader.findDocuments(OVERSIGHT_PROJECTION, {
          collection: agenciesCollection.name,
          orderBy: { field: 'score', direction: 'asc' },
          limit: query.limit,
          ...cursorOf(query.cursor),
        });
        const items = page.items.map((d) => AgencyPerformance.parse(d.body));
        return jsonResult(200, { items, ...(page.next === undefined ? {} : { next: page.next }) }, NO_STORE);
      },
      deps.authenticate,
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/oversight/compliance/months',
        operationId: 'oversightComplianceByMonth',
        summary: 'Compliance over time: the same counters per calendar month (Jakarta time), of one agency or of all together, newest month first',
        tag: 'oversight',
        auth: 'bearer',
        request: { query: ComplianceMonthsQuery },
        responses: { 200: { description: 'Months with any counted milestone', body: ComplianceMonths }, ...listProblems },
      },
      async ({ query }, { actor }) => {
        requireOversightList(actor);
        const page = await deps.reader.findDocuments(OVERSIGHT_PROJECTION, {
          collection: agencyMonthsCollection.name,
          where: [{ field: 'agencyId', op: 'eq', value: query.agency ?? ALL_AGENCIES }],
          orderBy: { field: 'month', direction: 'desc' },
          limit: query.limit,
        });
        return jsonResult(200, { items: page.items.map((d) => AgencyMonth.parse(d.body)) }, NO_STORE);
      },
      deps.authenticate,
    ),
  ];
}
