import { z } from 'zod';
import { Stage } from '../stage';
import { AgencyId, IsoInstant, ScheduleKey } from '../values';

/** What the platform records by itself (scheduler) or as a consequence of a decision. */

export const EscalationCause = z.enum(['overdue', 'declined_repeatedly', 'reopened']);
export type EscalationCause = z.infer<typeof EscalationCause>;

/** Flags the complaint for the Ombudsman and, where the owning agency has a parent, raises it there. */
export const ComplaintEscalated = z
  .object({
    cause: EscalationCause,
    stage: Stage.optional(),
    /** Deterministic, so re-issuing the same escalation is recognised and ignored. */
    key: ScheduleKey,
    raisedToAgencyId: AgencyId.optional(),
    at: IsoInstant,
  })
  .strict();

export const AutoCloseCause = z.enum(['reply_window_elapsed', 'information_not_supplied']);
export type AutoCloseCause = z.infer<typeof AutoCloseCause>;

export const ComplaintClosed = z.object({ cause: AutoCloseCause, key: ScheduleKey, at: IsoInstant }).strict();
