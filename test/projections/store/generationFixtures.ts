import { encodeLedgerPosition } from '../../../eventstore/postgres/ledgerPosition';
import type { GlobalPosition } from '../../../eventstore/port';
import { PUBLIC_PROJECTION, publicComplaintsCollection } from '../../../projections/public/publicProjection';
import type { DocumentKeys, PositionedChange } from '../../../projections/store/documents';
import type { ReadModelReader } from '../../../projections/store/readModelReader';

/** The n-th ledger position of one transaction. */
export const at = (n: number): GlobalPosition => encodeLedgerPosition({ transactionId: 1n, globalPosition: BigInt(n) });

/** Every key the public complaints collection declares, for a listed complaint. */
export const listedKeys: DocumentKeys = { listed: true, status: 'submitted', category: 'jalan', province: '32', region: '32.73', agency: 'a1', kind: 'complaint', submittedAt: '2026-01-01T00:00:00.000Z', terms: ['jalan'] };

/** A listed public complaint with every key the collection declares. */
export const listedComplaint = (id: string, position: GlobalPosition): PositionedChange => ({
  kind: 'put',
  collection: publicComplaintsCollection.name,
  id,
  keys: listedKeys,
  body: { trackingId: id },
  position,
});

/** The live generation's listed public complaints, as the public list reads them. */
export const listedComplaints = (store: ReadModelReader) =>
  store.findDocuments(PUBLIC_PROJECTION, {
    collection: publicComplaintsCollection.name,
    where: [{ field: 'listed', op: 'eq', value: true }],
    orderBy: { field: 'submittedAt', direction: 'asc' },
    limit: 20,
  });
