import { z } from 'zod';
import { Chronology, Title } from '../events/textLimits';
import {
  AgencyId,
  Attachments,
  CalendarDate,
  CategorySlug,
  Channel,
  ComplaintId,
  ComplaintKind,
  Location,
  RegionCode,
  SealedPersonalData,
  TrackingId,
  freeText,
} from '../values';

/**
 * A new report from any channel. The complaint id, tracking id and access-code hash are
 * minted by the command side (the domain has no randomness); the reporter's account id
 * comes from the authenticated actor, never from the body.
 */
export const SubmitComplaint = z
  .object({
    type: z.literal('SubmitComplaint'),
    complaintId: ComplaintId,
    trackingId: TrackingId,
    accessCodeHash: freeText(200).optional(),
    kind: ComplaintKind,
    title: Title,
    chronology: Chronology,
    incidentDate: CalendarDate,
    regionCode: RegionCode,
    location: Location.optional(),
    category: CategorySlug,
    suggestedAgencyId: AgencyId.optional(),
    attachments: Attachments,
    anonymous: z.boolean(),
    confidential: z.boolean(),
    channel: Channel,
    channelMessageId: freeText(200).optional(),
    reporter: SealedPersonalData.optional(),
  })
  .strict();
