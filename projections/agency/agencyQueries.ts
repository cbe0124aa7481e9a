import { isPastDue, type CaseView } from '../../domain/complaint';
import type { GlobalPosition } from '../../eventstore/port';
import type { ReadModelReader } from '../store/readModelReader';
import { LAST_POSITION } from '../store/collectionSpec';
import { AGENCY_PROJECTION, agencyCasesCollection } from './agencyProjection';

export interface QueueEntry {
  readonly view: CaseView;
  /** The running deadline has passed at `now` (the domain's `isPastDue`). */
  readonly overdue: boolean;
}

/** The agency's queue, most urgent first (earliest due date; no deadline last). */
export async function agencyQueue(
  reader: ReadModelReader,
  agencyId: string,
  options: { readonly now: string; readonly limit: number; readonly cursor?: string },
): Promise<{ items: QueueEntry[]; next?: string }> {
  const page = await reader.findDocuments<CaseView>(AGENCY_PROJECTION, {
    collection: agencyCasesCollection.name,
    where: [
      { field: 'agencyId', op: 'eq', value: agencyId },
      { field: 'inQueue', op: 'eq', value: true },
    ],
    orderBy: { field: 'dueAt', direction: 'asc' },
    limit: options.limit,
    ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
  });
  const items = page.items.map((d) => ({ view: d.body, overdue: d.body.deadline !== undefined && isPastDue(d.body.deadline, options.now) }));
  return page.next === undefined ? { items } : { items, next: page.next };
}

export interface FeedEntry {
  /** The ledger position of the change: pass the last one back as `after`. It survives rebuilds. */
  readonly position: GlobalPosition;
  readonly view: CaseView;
}

/**
 * The agency's incremental feed: its cases whose view changed after `after`, in ledger order.
 * A case appears once, at its latest change; positions are unique per agency.
 */
export async function agencyFeed(
  reader: ReadModelReader,
  agencyId: string,
  options: { readonly after?: GlobalPosition; readonly limit: number },
): Promise<{ items: FeedEntry[]; next: GlobalPosition | undefined }> {
  const page = await reader.findDocuments<CaseView>(AGENCY_PROJECTION, {
    collection: agencyCasesCollection.name,
    where: [
      { field: 'agencyId', op: 'eq', value: agencyId },
      ...(options.after === undefined || options.after === '' ? [] : [{ field: LAST_POSITION, op: 'gt' as const, value: options.after }]),
    ],
    orderBy: { field: LAST_POSITION, direction: 'asc' },
    limit: options.limit,
  });
  const items = page.items.map((d) => ({ position: d.lastPosition, view: d.body }));
  return { items, next: items.at(-1)?.position ?? options.after };
}
