import { z } from 'zod';
import {
  AccountId,
  AgencyId,
  Attachments,
  CalendarDate,
  CategorySlug,
  Channel,
  ComplaintId,
  ComplaintKind,
  IsoInstant,
  Location,
  RegionCode,
  SealedPersonalData,
  TrackingId,
  freeText,
} from '../values';
import { Chronology, Title } from './textLimits';

export const ComplaintSubmitted = z
  .object({
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
    /** The reporter's account, when they have one: a plain id, not personal data. */
    reporterAccountId: AccountId.optional(),
    /** Name and contact, sealed by the vault: never plaintext in the ledger. */
    reporter: SealedPersonalData.optional(),
    at: IsoInstant,
    verifyBy: IsoInstant,
  })
  .strict();
