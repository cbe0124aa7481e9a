import { z } from 'zod';
import { Chronology, Title } from './events/textLimits';
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
  TrackingId,
  freeText,
} from './values';

/** What a report says about itself: the same fields in SubmitComplaint and ComplaintSubmitted. */
export const submissionFields = {
  complaintId: ComplaintId,
  trackingId: TrackingId,
  /** Hash of the receipt access code; the code itself is never stored. */
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
};
