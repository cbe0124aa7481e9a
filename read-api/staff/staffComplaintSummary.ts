import { z } from 'zod';
import { isPastDue, type CaseView } from '../../domain/complaint';
import { CaseViewSchema } from '../views/caseViewSchema';

/**
 * A complaint in a staff list (an agency queue, the Ombudsman's lists): what the case is and
 * where it stands, never who reported it. Identity is shown one case at a time, where its
 * read is recorded.
 */
export const StaffComplaintSummary = z
  .object({
    ...CaseViewSchema.pick({
      complaintId: true,
      trackingId: true,
      kind: true,
      status: true,
      owner: true,
      deadline: true,
      submittedAt: true,
      updatedAt: true,
      escalated: true,
      anonymous: true,
      confidential: true,
      category: true,
      regionCode: true,
      title: true,
    }).shape,
    overdue: z.boolean().meta({ description: 'The running deadline has passed (working days, as the domain computed it)' }),
  })
  .strict();
export type StaffComplaintSummary = z.infer<typeof StaffComplaintSummary>;

/** The summary of a staff view at `now`. */
export function staffSummaryOf(view: CaseView, now: string): StaffComplaintSummary {
  return StaffComplaintSummary.parse({
    complaintId: view.complaintId,
    trackingId: view.trackingId,
    kind: view.kind,
    status: view.status,
    owner: view.owner,
    ...(view.deadline === undefined ? {} : { deadline: view.deadline }),
    submittedAt: view.submittedAt,
    updatedAt: view.updatedAt,
    escalated: view.escalated,
    anonymous: view.anonymous,
    confidential: view.confidential,
    category: view.category,
    regionCode: view.regionCode,
    title: view.title,
    overdue: view.deadline !== undefined && isPastDue(view.deadline, now),
  });
}
