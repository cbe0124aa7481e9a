import { z } from 'zod';
import { AgencyId, IsoInstant } from '../values';

/** What of the reporter's identity a staff read showed: the name, the contact details (phone, e-mail, NIK), or both. */
export const IdentityField = z.enum(['name', 'contact']);
export type IdentityField = z.infer<typeof IdentityField>;

/**
 * A member of staff was shown the reporter's identity or contact details (DESIGN.md: every
 * such read is itself recorded). Who read it is the event's actor; the read route appends
 * this before it answers, so a read that cannot be recorded is not served.
 */
export const ReporterIdentityAccessed = z
  .object({
    fields: z.array(IdentityField).min(1).max(2),
    /** The operation that showed it (an OpenAPI operationId, e.g. agencyFeed). */
    readVia: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/),
    /** The agency whose view was read, when an officer read it. */
    asAgencyId: AgencyId.optional(),
    at: IsoInstant,
  })
  .strict();
