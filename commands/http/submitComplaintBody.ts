import { z } from 'zod';
import { AgencyId, Attachments, CalendarDate, ComplaintKind, Location, RegionCode, type AgencyDirectory } from '../../domain/complaint';
import { Chronology, Title } from '../../domain/complaint/events/textLimits';
import { PersonalData } from '../../domain/personalData';
import { ComplaintCategory, isValidRegionCode } from '../../domain/routing';

/**
 * The body of `POST /api/complaints`. Strict: ids, status, owner and the reporter's account
 * come from the server, never from the body. Contact details are optional (anonymous
 * drop-box) and are sealed before they reach the ledger.
 */
export function submitComplaintBody(agencies: AgencyDirectory) {
  return z
    .object({
      kind: ComplaintKind,
      title: Title,
      chronology: Chronology,
      incidentDate: CalendarDate,
      regionCode: RegionCode.refine(isValidRegionCode, 'no region has this Kemendagri code'),
      location: Location.optional(),
      category: ComplaintCategory,
      suggestedAgencyId: AgencyId.refine((id) => agencies.exists(id), 'no agency with this id is registered').optional(),
      attachments: Attachments.default([]),
      anonymous: z.boolean().default(false),
      confidential: z.boolean().default(false),
      channel: z.enum(['web', 'app']).default('web'),
      reporter: PersonalData.optional(),
    })
    .strict();
}
export type SubmitComplaintBody = z.output<ReturnType<typeof submitComplaintBody>>;
