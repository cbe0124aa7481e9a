import { z } from 'zod';
import { HttpProblem } from '../../app/http/httpProblem';
import { jsonResult } from '../../app/http/httpResult';
import { problem } from '../../app/http/problem';
import type { AgencyRegistry } from '../../domain/routing';
import { PublicComplaintPage } from '../../projections/public/publicComplaintPage';
import { PUBLIC_PROJECTION, publicComplaintsCollection } from '../../projections/public/publicProjection';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import { csvDocument, csvHeaders, CSV_CONTENT_TYPE } from '../csv';
import { describedRoute, jsonTextResult, textResult, type DescribedRoute } from '../openapi/describedRoute';
import { commonProblems } from '../openapi/problemSchema';
import { CSV_CONTENT } from '../openapi/routeDescription';
import { pageOf } from '../pagination';
import { TrackingIdParameter } from '../trackingIdParameter';
import { CaseViewSchema } from '../views/caseViewSchema';
import { publicListDocumentQuery, publicListQuery, type PublicListQuery } from './publicComplaintQuery';

/** A list entry: the public view without the long text; the page has the rest. */
export const PublicComplaintSummary = z.object(
  CaseViewSchema.pick({
    trackingId: true,
    kind: true,
    status: true,
    owner: true,
    category: true,
    regionCode: true,
    title: true,
    redacted: true,
    reporterName: true,
    submittedAt: true,
    updatedAt: true,
    supportCount: true,
  }).shape,
);

export { PublicComplaintPage };

/** The page's fields a list entry does not carry (the long texts): the store leaves them out. */
const NOT_IN_SUMMARY = Object.keys(CaseViewSchema.shape).filter((field) => !(field in PublicComplaintSummary.shape));

const PageParams = z.object({ trackingId: TrackingIdParameter }).strict();

const notFound = (): HttpProblem => new HttpProblem(problem(404, 'not_found', 'No such complaint', { detail: 'no complaint has this tracking id' }));

const LIST_PAGE = { maxLimit: 100, defaultLimit: 20 } as const;
const CSV_PAGE = { maxLimit: 500, defaultLimit: 500 } as const;

const CSV_HEADER = ['trackingId', 'submittedAt', 'updatedAt', 'status', 'kind', 'category', 'regionCode', 'agencyId', 'title', 'chronology', 'reporterName', 'supportCount'];

/** The list, the CSV export and the complaint page: the public read model only. */
export function publicComplaintRoutes(deps: { readonly reader: ReadModelReader; readonly agencies: AgencyRegistry }): DescribedRoute[] {
  const listQuery = publicListQuery(deps.agencies, LIST_PAGE);
  const csvQuery = publicListQuery(deps.agencies, CSV_PAGE);
  const find = (query: PublicListQuery) => deps.reader.findDocuments(PUBLIC_PROJECTION, publicListDocumentQuery(query));

  return [
    describedRoute(
      {
        method: 'get',
        path: '/api/public/complaints',
        operationId: 'listPublicComplaints',
        summary: 'Search and filter the complaints that are not confidential, newest first',
        description: 'Confidential complaints are never listed (they count in the statistics only). Pages follow `next`.',
        tag: 'public',
        auth: 'none',
        request: { query: listQuery },
        responses: { 200: { description: 'A page of complaints', body: pageOf(PublicComplaintSummary) }, 400: commonProblems[400], 500: commonProblems[500] },
      },
      async ({ query }) => {
        const page = await deps.reader.findDocuments(PUBLIC_PROJECTION, { ...publicListDocumentQuery(query), omitBodyFields: NOT_IN_SUMMARY });
        return jsonResult(200, { items: page.items.map((d) => PublicComplaintSummary.parse(d.body)), ...(page.next === undefined ? {} : { next: page.next }) });
      },
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/public/complaints.csv',
        operationId: 'exportPublicComplaints',
        summary: 'The public list as CSV (open data), same filters; the next page is in the Link header',
        tag: 'public',
        auth: 'none',
        request: { query: csvQuery },
        responses: {
          200: { description: 'CSV (RFC 4180; cells that a spreadsheet would read as formulas start with an apostrophe)', body: z.string(), contentType: CSV_CONTENT },
          400: commonProblems[400],
          500: commonProblems[500],
        },
      },
      async ({ query }) => {
        const page = await find(query);
        const rows = page.items.map((d) => {
          const view = CaseViewSchema.parse(d.body);
          const agencyId = view.owner.kind === 'agency' ? view.owner.agencyId : '';
          return [view.trackingId, view.submittedAt, view.updatedAt, view.status, view.kind, view.category, view.regionCode, agencyId, view.title, view.chronology, view.reporterName, view.supportCount];
        });
        return textResult(200, csvDocument(CSV_HEADER, rows), CSV_CONTENT_TYPE, csvHeaders('lapor-complaints.csv', '/api/public/complaints.csv', query, page.next));
      },
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/public/complaints/{trackingId}',
        operationId: 'getPublicComplaint',
        summary: 'A complaint by its tracking id: the public view, or the status only when it is confidential',
        tag: 'public',
        auth: 'none',
        request: { params: PageParams },
        responses: {
          200: { description: 'The public view (`shape: case`) or, for a confidential complaint, `shape: status_only`', body: PublicComplaintPage },
          400: commonProblems[400],
          404: commonProblems[404],
          500: commonProblems[500],
        },
      },
      async ({ params }) => {
        // Validated when projected (projections/public/publicProjection.ts validatedPage): served as stored.
        const page = await deps.reader.getDocumentJson(PUBLIC_PROJECTION, publicComplaintsCollection.name, params.trackingId);
        if (page === undefined) throw notFound();
        return jsonTextResult(200, page);
      },
    ),
  ];
}
