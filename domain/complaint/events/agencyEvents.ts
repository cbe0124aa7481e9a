import { z } from 'zod';
import { ResolutionClass } from '../../timeLimits';
import { Owner } from '../owner';
import { AgencyId, Attachments, EntityId, IsoInstant } from '../values';
import { Message, Reason } from './textLimits';

/** What an agency records about a complaint assigned to it. */

export const AssignmentAccepted = z
  .object({ agencyId: AgencyId, resolutionClass: ResolutionClass, at: IsoInstant, resolveBy: IsoInstant })
  .strict();

/** Bukan wewenang: not this agency's authority. returnedTo is never empty (no wrong door). */
export const AssignmentDeclined = z
  .object({
    agencyId: AgencyId,
    reason: Reason,
    suggestedAgencyId: AgencyId.optional(),
    returnedTo: Owner,
    at: IsoInstant,
    /** The new owner's deadline: re-disposition by the admin, or response by the named agency. */
    nextDueAt: IsoInstant,
  })
  .strict();

export const ComplaintDelegated = z.object({ agencyId: AgencyId, unitId: AgencyId, at: IsoInstant }).strict();

export const FollowUpVisibility = z.enum(['public', 'internal']);
export type FollowUpVisibility = z.infer<typeof FollowUpVisibility>;

export const FollowUpPosted = z
  .object({
    followUpId: EntityId,
    /** The poster's own agency (the owner, its unit or its parent): internal notes are shown to it only. */
    byAgencyId: AgencyId,
    visibility: FollowUpVisibility,
    text: Message,
    attachments: Attachments,
    at: IsoInstant,
  })
  .strict();

export const ComplaintResolved = z
  .object({ agencyId: AgencyId, summary: Message, at: IsoInstant, replyBy: IsoInstant })
  .strict();
