import { HttpProblem } from '../../app/http/httpProblem';
import { problem } from '../../app/http/problem';
import type { TrackingId } from '../../domain/trackingId';
import type { AccessCodes } from '../accessCodeHash';

/** What a receipt leads to: the complaint, and the hash of its access code (null: filed without one, by a gateway). */
export interface ReceiptEntry {
  readonly complaintId: string;
  readonly accessCodeHash: string | null;
}

/** A complaint by tracking id. Read from a read model: the ledger keeps no index by tracking id. */
export type FindReceipt = (trackingId: TrackingId) => Promise<ReceiptEntry | undefined>;

/** One answer for an unknown tracking id, another's complaint and a wrong code alike: no oracle. */
export const receiptNotFound = (): HttpProblem =>
  new HttpProblem(problem(404, 'not_found', 'No such complaint', { detail: 'no complaint of yours has this tracking id, or the access code does not match' }));

/**
 * The record when `code` (as typed) is the access code of the receipt found, else the 404.
 * Without a stored hash a decoy is checked, so "no such complaint" costs what "wrong code" costs.
 */
export async function openReceipt<Found extends { readonly accessCodeHash: string | null }>(
  accessCodes: Pick<AccessCodes, 'verify'>,
  code: string,
  found: Found | undefined,
): Promise<{ readonly record: Found; readonly accessCodeHash: string }> {
  const matches = await accessCodes.verify(code, found?.accessCodeHash ?? undefined);
  if (!matches || found === undefined || found.accessCodeHash === null) throw receiptNotFound();
  return { record: found, accessCodeHash: found.accessCodeHash };
}
