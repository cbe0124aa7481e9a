import type { CaseView } from '../domain/complaint';
import { parseTrackingId } from '../domain/trackingId';
import { PUBLIC_PROJECTION, publicComplaintsCollection } from '../projections/public/publicProjection';
import { sortableInstant } from '../projections/shared/instants';
import type { Filter } from '../projections/store/documentQuery';
import type { StoredDocument } from '../projections/store/documents';
import type { ReadModelReader } from '../projections/store/readModelReader';
import { ComplaintStatusSchema } from '../read-api/views/caseViewSchema';
import { PublicComplaintPage } from '../read-api/public/publicComplaintRoutes';
import { MAX_RESULTS, type RequestsQuery, type Window } from './requestQuery';
import { statusesOf, type Open311Status } from './serviceRequest';

/**
 * Service requests come from the public read model only, as the public read API reads it:
 * a confidential complaint there is a status-only entry without filter keys, so no list
 * finds it, and a lookup by id treats it as unknown.
 */

const PAGE = 500;

/** The public case view of a tracking id; undefined when unknown or confidential (the two look the same). */
export async function publicCase(reader: ReadModelReader, serviceRequestId: string): Promise<CaseView | undefined> {
  // Tracking ids are read as people write them (lower case, dashes, O for 0); a malformed one names nothing.
  const parsed = parseTrackingId(serviceRequestId);
  if (!parsed.ok) return undefined;
  const document = await reader.getDocument(PUBLIC_PROJECTION, publicComplaintsCollection.name, parsed.trackingId);
  if (document === undefined) return undefined;
  const page = PublicComplaintPage.parse(document.body);
  return page.shape === 'case' ? page : undefined;
}

/** Up to MAX_RESULTS documents of one filter, newest first. */
async function newest(reader: ReadModelReader, where: readonly Filter[]): Promise<StoredDocument[]> {
  const found: StoredDocument[] = [];
  let cursor: string | undefined;
  do {
    const page = await reader.findDocuments(PUBLIC_PROJECTION, {
      collection: publicComplaintsCollection.name,
      where,
      orderBy: { field: 'submittedAt', direction: 'desc' },
      limit: Math.min(PAGE, MAX_RESULTS - found.length),
      ...(cursor === undefined ? {} : { cursor }),
    });
    found.push(...page.items);
    cursor = page.next;
  } while (cursor !== undefined && found.length < MAX_RESULTS);
  return found;
}

/**
 * The listed complaints of a window, service codes and statuses, newest first, at most
 * MAX_RESULTS. The read model filters by one value per field, so a list of codes or
 * statuses is one query per combination, merged.
 */
export async function publicCasesIn(reader: ReadModelReader, query: Pick<RequestsQuery, 'service_code' | 'status'>, window: Window): Promise<CaseView[]> {
  const base: Filter[] = [
    { field: 'listed', op: 'eq', value: true },
    { field: 'submittedAt', op: 'gte', value: sortableInstant(window.from.toISOString()) },
    { field: 'submittedAt', op: 'lte', value: sortableInstant(window.to.toISOString()) },
  ];
  const codes: (string | undefined)[] = query.service_code ?? [undefined];
  const statuses: (string | undefined)[] = query.status?.flatMap((s: Open311Status) => statusesOf(s, ComplaintStatusSchema.options)) ?? [undefined];
  const queries = codes.flatMap((code) =>
    statuses.map((status) => [
      ...base,
      ...(code === undefined ? [] : [{ field: 'category', op: 'eq', value: code } as const]),
      ...(status === undefined ? [] : [{ field: 'status', op: 'eq', value: status } as const]),
    ]),
  );
  const documents = (await Promise.all(queries.map((where) => newest(reader, where)))).flat();
  const cases: CaseView[] = documents.flatMap((d) => {
    const page = PublicComplaintPage.parse(d.body);
    return page.shape === 'case' ? [page] : [];
  });
  return cases.sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt) || b.trackingId.localeCompare(a.trackingId)).slice(0, MAX_RESULTS);
}
