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

/** Pages of each filter are read as the merge needs them: about MAX_RESULTS documents in all, plus one page per filter. */
const MERGE_PAGE = 100;

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

interface Stream {
  readonly where: readonly Filter[];
  buffer: StoredDocument[];
  /** undefined once the filter has no more pages. */
  next: string | undefined;
}

async function readPage(reader: ReadModelReader, stream: Stream, first: boolean): Promise<void> {
  const page = await reader.findDocuments(PUBLIC_PROJECTION, {
    collection: publicComplaintsCollection.name,
    where: stream.where,
    orderBy: { field: 'submittedAt', direction: 'desc' },
    limit: MERGE_PAGE,
    ...(first ? {} : { cursor: stream.next! }),
  });
  stream.buffer = [...page.items];
  stream.next = page.next;
}

const sortKeyOf = (d: StoredDocument): string => `${String(d.keys.submittedAt)}\u0000${d.id}`;

/**
 * The newest MAX_RESULTS documents over several disjoint filters (each newest first in the
 * store): a k-way merge that reads a filter's next page only when its head is taken.
 */
export async function newestOf(reader: ReadModelReader, filters: readonly (readonly Filter[])[]): Promise<StoredDocument[]> {
  const streams: Stream[] = filters.map((where) => ({ where, buffer: [], next: undefined }));
  await Promise.all(streams.map((stream) => readPage(reader, stream, true)));
  const merged: StoredDocument[] = [];
  while (merged.length < MAX_RESULTS) {
    let newest: Stream | undefined;
    for (const stream of streams) {
      const head = stream.buffer[0];
      if (head !== undefined && (newest === undefined || sortKeyOf(head) > sortKeyOf(newest.buffer[0]!))) newest = stream;
    }
    if (newest === undefined) break;
    merged.push(newest.buffer.shift()!);
    if (newest.buffer.length === 0 && newest.next !== undefined) await readPage(reader, newest, false);
  }
  return merged;
}

/**
 * The listed complaints of a window, service codes and statuses, newest first, at most
 * MAX_RESULTS. The read model filters by one value per field, so a list of codes or
 * statuses is one filter per combination (each complaint matches one), merged.
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
  return (await newestOf(reader, queries)).flatMap((d) => {
    const page = PublicComplaintPage.parse(d.body);
    return page.shape === 'case' ? [page] : [];
  });
}
