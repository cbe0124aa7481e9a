import { z } from 'zod';
import { CalendarDate, ComplaintKind, RegionCode } from '../../domain/complaint';
import { ComplaintCategory, type AgencyRegistry } from '../../domain/routing';
import { publicComplaintsCollection } from '../../projections/public/publicProjection';
import { searchTerms } from '../../projections/shared/searchTerms';
import type { DocumentQuery, Filter } from '../../projections/store/documentQuery';
import { ComplaintStatusSchema } from '../views/caseViewSchema';
import { cursorParameter, limitParameter } from '../pagination';

/** More words than this narrow nothing further and only make the index work harder. */
const MAX_SEARCH_WORDS = 8;

/** Jakarta (WIB, UTC+7, no daylight saving) calendar days bound the date filters. */
const jakartaMidnight = (date: string): string => new Date(`${date}T00:00:00+07:00`).toISOString();
const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The query of the public list and of its CSV export: filters and a page (strict: an
 * unknown parameter is a 400, not silently ignored).
 */
export function publicListQuery(agencies: AgencyRegistry, page: { readonly maxLimit: number; readonly defaultLimit: number }) {
  return z
    .object({
      q: z
        .string()
        .max(200)
        .refine((q) => searchTerms(q).length > 0, 'needs a word of at least 2 letters or digits')
        .refine((q) => searchTerms(q).length <= MAX_SEARCH_WORDS, `at most ${MAX_SEARCH_WORDS} words`)
        .optional()
        .meta({ description: 'Full-text search: complaints whose title or chronology contain every word (case and accents ignored)' }),
      category: ComplaintCategory.optional(),
      region: RegionCode.optional().meta({ description: 'Kemendagri code; a province (32) or regency (32.73) includes everything within it' }),
      agency: z
        .string()
        .max(100)
        .refine((id) => agencies.exists(id), 'no agency with this id is registered')
        .optional()
        .meta({ description: 'The agency that owns the complaint now' }),
      status: ComplaintStatusSchema.optional(),
      kind: ComplaintKind.optional(),
      from: CalendarDate.optional().meta({ description: 'Submitted on or after this day (Jakarta time)' }),
      to: CalendarDate.optional().meta({ description: 'Submitted on or before this day (Jakarta time)' }),
      cursor: cursorParameter('string').optional(),
      limit: limitParameter(page.maxLimit, page.defaultLimit),
    })
    .strict()
    .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, { message: 'must not be before `from`', path: ['to'] });
}

export type PublicListQuery = z.output<ReturnType<typeof publicListQuery>>;

/** A region code filter: a province by its own key, a deeper code as the range of codes it prefixes. */
function regionFilters(region: string): Filter[] {
  if (region.length === 2) return [{ field: 'province', op: 'eq', value: region }];
  // Codes within 32.73 are 32.73 and 32.73.*: from "32.73" up to (not including) "32.73/", '/' following '.' bytewise.
  return [
    { field: 'region', op: 'gte', value: region },
    { field: 'region', op: 'lt', value: `${region}/` },
  ];
}

/** Newest first, listed (non-confidential) complaints only: confidential ones carry no filter keys at all. */
export function publicListDocumentQuery(filters: PublicListQuery): DocumentQuery {
  const where: Filter[] = [{ field: 'listed', op: 'eq', value: true }];
  if (filters.q !== undefined) where.push({ field: 'terms', op: 'containsAll', value: searchTerms(filters.q) });
  if (filters.category !== undefined) where.push({ field: 'category', op: 'eq', value: filters.category });
  if (filters.region !== undefined) where.push(...regionFilters(filters.region));
  if (filters.agency !== undefined) where.push({ field: 'agency', op: 'eq', value: filters.agency });
  if (filters.status !== undefined) where.push({ field: 'status', op: 'eq', value: filters.status });
  if (filters.kind !== undefined) where.push({ field: 'kind', op: 'eq', value: filters.kind });
  if (filters.from !== undefined) where.push({ field: 'submittedAt', op: 'gte', value: jakartaMidnight(filters.from) });
  if (filters.to !== undefined) where.push({ field: 'submittedAt', op: 'lt', value: jakartaMidnight(nextDay(filters.to)) });
  return {
    collection: publicComplaintsCollection.name,
    where,
    orderBy: { field: 'submittedAt', direction: 'desc' },
    limit: filters.limit,
    ...(filters.cursor === undefined ? {} : { cursor: filters.cursor }),
  };
}
