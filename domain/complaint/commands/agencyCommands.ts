import { z } from 'zod';
import { ResolutionClass } from '../../timeLimits';
import { Message, Reason } from '../events/textLimits';
import { FollowUpVisibility } from '../events';
import { AgencyId, Attachments, EntityId } from '../values';

/** Commands of an officer of the owning agency (or its unit, or its parent). */

/** The agency takes the complaint on and classes it, which sets its resolution deadline. */
export const AcceptAssignment = z
  .object({ type: z.literal('AcceptAssignment'), resolutionClass: ResolutionClass })
  .strict();

/** Bukan wewenang: the reason is required; the agency may name the one it believes responsible. */
export const DeclineAssignment = z
  .object({ type: z.literal('DeclineAssignment'), reason: Reason, suggestedAgencyId: AgencyId.optional() })
  .strict();

export const DelegateToUnit = z.object({ type: z.literal('DelegateToUnit'), unitId: AgencyId }).strict();

export const PostFollowUp = z
  .object({
    type: z.literal('PostFollowUp'),
    followUpId: EntityId,
    visibility: FollowUpVisibility,
    text: Message,
    attachments: Attachments,
  })
  .strict();

export const ResolveComplaint = z.object({ type: z.literal('ResolveComplaint'), summary: Message }).strict();
