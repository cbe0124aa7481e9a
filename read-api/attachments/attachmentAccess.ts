import type { AccessCodes } from '../../commands/accessCodeHash';
import type { AgencyRegistry } from '../../domain/routing';
import type { Actor } from '../../eventstore/metadata';
import type { AttachmentReaders } from '../../projections/attachments/attachmentReadersProjection';
import { isAgencyReader } from '../agency/agencyAccess';

/**
 * The one rule for serving an attachment: the caller must see it referenced in their own view
 * of some complaint. Anyone, when a complaint shows it publicly (not confidential); otherwise its
 * reporter's login, officers of an agency whose view shows it (or of that agency's parent, as
 * for the agency's read model), admins, the Ombudsman. An upload nobody references yet is
 * nobody's to read.
 */
export function mayReadAttachment(actor: Actor, referencedBy: readonly AttachmentReaders[], agencies: Pick<AgencyRegistry, 'exists' | 'parentOf'>): boolean {
  return referencedBy.some(
    (readers) =>
      readers.public ||
      (actor.role === 'reporter' && readers.reporterAccountId === actor.id) ||
      readers.agencyIds.some((agencyId) => isAgencyReader(actor, agencyId, agencies)) ||
      (actor.role === 'admin' && readers.admin) ||
      (actor.role === 'ombudsman' && readers.ombudsman),
  );
}

/**
 * The receipt holder's rule: `code` (as typed) is the access code of a complaint whose reporter
 * view shows the attachment, so its holder reads it as the reporter's login does, confidential
 * or not. The code of any other complaint opens nothing here. Without a candidate a decoy is
 * checked, so "no such file" costs what "wrong code" costs.
 */
export async function receiptOpensAttachment(accessCodes: Pick<AccessCodes, 'verify'>, code: string, referencedBy: readonly AttachmentReaders[]): Promise<boolean> {
  const hashes = referencedBy.flatMap((readers) => (readers.accessCodeHash === null ? [] : [readers.accessCodeHash]));
  if (hashes.length === 0) {
    await accessCodes.verify(code, undefined);
    return false;
  }
  for (const hash of hashes) if (await accessCodes.verify(code, hash)) return true;
  return false;
}
