import { z } from 'zod';
import { jsonResult } from '../../app/http/httpResult';
import type { AgencyRegistry } from '../../domain/routing';
import { PUBLIC_PROJECTION } from '../../projections/public/publicProjection';
import { STATISTICS_IDS, statisticsCollection, Totals } from '../../projections/public/publicStatistics';
import { AgencyPerformance, agenciesCollection } from '../../projections/shared/agencyPerformance';
import { countsCollection } from '../../projections/shared/counters';
import { BUCKET_UPPER_BOUNDS_HOURS, DurationHistogram, emptyHistogram } from '../../projections/shared/durationHistogram';
import { MAX_PAGE_SIZE } from '../../projections/store/documentQuery';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import { csvDocument, csvHeaders, CSV_CONTENT_TYPE } from '../csv';
import { describedRoute, textResult, type DescribedRoute } from '../openapi/describedRoute';
import { commonProblems } from '../openapi/problemSchema';
import { CSV_CONTENT } from '../openapi/routeDescription';
import { cursorParameter, limitParameter, pageOf } from '../pagination';

/** The dimensions the public projection counts complaints by (projections/public/publicStatistics.ts talliesOf). */
const DIMENSIONS = ['status', 'category', 'province', 'agency', 'channel', 'kind'] as const;

const CountBody = z.object({ dimension: z.string(), value: z.string(), count: z.int() });

const Histogram = DurationHistogram.extend({ bucketUpperBoundsHours: z.array(z.number()).meta({ description: 'counts[i] holds durations up to bound i; the last count is beyond the last bound' }) });

export const PublicStatistics = z
  .object({
    totals: Totals,
    counts: z
      .object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.record(z.string(), z.int().min(1))])) as Record<(typeof DIMENSIONS)[number], z.ZodRecord<z.ZodString, z.ZodInt>>)
      .strict()
      .meta({ description: 'Complaints by dimension and value, confidential ones included (values with no complaint are left out)' }),
    timeToFirstFollowUp: Histogram,
    timeToResolution: Histogram,
  })
  .strict();
type PublicStatistics = z.infer<typeof PublicStatistics>;

export const LeagueEntry = AgencyPerformance.extend({ name: z.string().nullable().meta({ description: 'From the agency registry; null for an id it no longer has' }) });

const LeagueQuery = z.object({ cursor: cursorParameter('number').optional(), limit: limitParameter(100, 50) }).strict();
const LeagueCsvQuery = z.object({ cursor: cursorParameter('number').optional(), limit: limitParameter(MAX_PAGE_SIZE, MAX_PAGE_SIZE) }).strict();

const EMPTY_TOTALS: Totals = { complaints: 0, resolved: 0, resolvedOnTime: 0, shareOnTime: null };

export function publicStatisticsRoutes(deps: { readonly reader: ReadModelReader; readonly agencies: AgencyRegistry }): DescribedRoute[] {
  const { reader } = deps;

  async function countsOf(dimension: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    let cursor: string | undefined;
    do {
      const page = await reader.findDocuments(PUBLIC_PROJECTION, {
        collection: countsCollection.name,
        where: [{ field: 'dimension', op: 'eq', value: dimension }],
        orderBy: { field: 'value', direction: 'asc' },
        limit: MAX_PAGE_SIZE,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const { body } of page.items) {
        const { value, count } = CountBody.parse(body);
        if (count > 0) counts[value] = count;
      }
      cursor = page.next;
    } while (cursor !== undefined);
    return counts;
  }

  async function statisticsDocument<T>(id: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
    const stored = await reader.getDocument(PUBLIC_PROJECTION, statisticsCollection.name, id);
    return stored === undefined ? fallback : schema.parse(stored.body);
  }

  async function statistics(): Promise<PublicStatistics> {
    const [totals, firstFollowUp, resolution, ...counts] = await Promise.all([
      statisticsDocument(STATISTICS_IDS.totals, Totals, EMPTY_TOTALS),
      statisticsDocument(STATISTICS_IDS.timeToFirstFollowUp, DurationHistogram, emptyHistogram()),
      statisticsDocument(STATISTICS_IDS.timeToResolution, DurationHistogram, emptyHistogram()),
      ...DIMENSIONS.map(countsOf),
    ]);
    const bucketUpperBoundsHours = [...BUCKET_UPPER_BOUNDS_HOURS];
    return {
      totals,
      counts: Object.fromEntries(DIMENSIONS.map((d, i) => [d, counts[i] ?? {}])) as PublicStatistics['counts'],
      timeToFirstFollowUp: { ...firstFollowUp, bucketUpperBoundsHours },
      timeToResolution: { ...resolution, bucketUpperBoundsHours },
    };
  }

  async function league(query: z.output<typeof LeagueQuery>) {
    const page = await reader.findDocuments(PUBLIC_PROJECTION, {
      collection: agenciesCollection.name,
      orderBy: { field: 'score', direction: 'desc' },
      limit: query.limit,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    const items = page.items.map(({ body }) => {
      const performance = AgencyPerformance.parse(body);
      return { ...performance, name: deps.agencies.get(performance.agencyId)?.name ?? null };
    });
    return { items, next: page.next };
  }

  const statsBase = { tag: 'public', auth: 'none', method: 'get' } as const;
  return [
    describedRoute(
      {
        ...statsBase,
        path: '/api/public/stats',
        operationId: 'publicStatistics',
        summary: 'Complaint counts by status, category, province, agency, channel and kind; totals; response and resolution times',
        responses: { 200: { description: 'The statistics', body: PublicStatistics }, 500: commonProblems[500] },
      },
      async () => jsonResult(200, await statistics()),
    ),
    describedRoute(
      {
        ...statsBase,
        path: '/api/public/stats.csv',
        operationId: 'exportPublicStatistics',
        summary: 'The counts and totals as CSV (open data): dimension, value, count',
        responses: { 200: { description: 'CSV', body: z.string(), contentType: CSV_CONTENT }, 500: commonProblems[500] },
      },
      async () => {
        const { totals, counts } = await statistics();
        const rows = [
          ['totals', 'complaints', totals.complaints],
          ['totals', 'resolved', totals.resolved],
          ['totals', 'resolvedOnTime', totals.resolvedOnTime],
          ...DIMENSIONS.flatMap((dimension) => Object.entries(counts[dimension]).map(([value, count]) => [dimension, value, count])),
        ];
        return textResult(200, csvDocument(['dimension', 'value', 'count'], rows), CSV_CONTENT_TYPE, csvHeaders('lapor-statistics.csv', '/api/public/stats.csv', {}, undefined));
      },
    ),
    describedRoute(
      {
        ...statsBase,
        path: '/api/public/agencies',
        operationId: 'agencyLeagueTable',
        summary: 'The agency league table: agencies by the share of their assignments resolved on time, best first',
        request: { query: LeagueQuery },
        responses: { 200: { description: 'A page of the league', body: pageOf(LeagueEntry) }, 400: commonProblems[400], 500: commonProblems[500] },
      },
      async ({ query }) => {
        const { items, next } = await league(query);
        return jsonResult(200, { items, ...(next === undefined ? {} : { next }) });
      },
    ),
    describedRoute(
      {
        ...statsBase,
        path: '/api/public/agencies.csv',
        operationId: 'exportAgencyLeagueTable',
        summary: 'The league table as CSV (open data); the next page is in the Link header',
        request: { query: LeagueCsvQuery },
        responses: { 200: { description: 'CSV', body: z.string(), contentType: CSV_CONTENT }, 400: commonProblems[400], 500: commonProblems[500] },
      },
      async ({ query }) => {
        const { items, next } = await league(query);
        const columns = ['agencyId', 'name', 'assigned', 'responded', 'respondedOnTime', 'declined', 'resolved', 'resolvedOnTime', 'overdueEscalations', 'score'] as const;
        const rows = items.map((entry) => columns.map((column) => entry[column]));
        return textResult(200, csvDocument(columns, rows), CSV_CONTENT_TYPE, csvHeaders('lapor-agency-league.csv', '/api/public/agencies.csv', query, next));
      },
    ),
  ];
}
