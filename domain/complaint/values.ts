import { z } from 'zod';
import { SealedPersonalData } from '../personalData';

/*
 * The value types shared by complaint commands and events. Every schema here validates
 * without transforming, so an event parsed back from the ledger is exactly what was written.
 */

/** PostgreSQL jsonb cannot store U+0000, so no free text may carry it. */
const hasNoNul = (text: string): boolean => !text.includes('\u0000');

/** Human-written text: not blank, bounded, NUL-free. */
export function freeText(maxLength: number) {
  return z
    .string()
    .max(maxLength)
    .regex(/\S/, 'must not be blank')
    .refine(hasNoNul, 'text must not contain NUL characters');
}

/** Copied from eventstore/metadata.ts: domain/ imports no runtime code from the event store. */
export const ActorRole = z.enum(['public', 'reporter', 'admin', 'agency_officer', 'ombudsman', 'channel_gateway', 'system']);
export type ActorRole = z.infer<typeof ActorRole>;

/** Copied from eventstore/metadata.ts for the same reason. */
export const Channel = z.enum(['web', 'app', 'sms', 'twitter', 'open311', 'internal']);
export type Channel = z.infer<typeof Channel>;

export const ComplaintId = z.uuid();
export const AccountId = z.string().min(1).max(200).refine(hasNoNul, 'id must not contain NUL characters');
export const AgencyId = z.string().min(1).max(100).refine(hasNoNul, 'id must not contain NUL characters');
/** Ids the command side mints (follow-ups, findings, attachments). */
export const EntityId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'expected an id of letters, digits and ._:-');
/** Crockford base32 with its check symbols; the exact format belongs to the tracking-id module. */
export const TrackingId = z.string().regex(/^[0-9A-Z*~$=-]{6,40}$/, 'expected a tracking id in Crockford base32');
export const IsoInstant = z.iso.datetime({ offset: true });
export const CalendarDate = z.iso.date();
export const ScheduleKey = freeText(300);

/** Kemendagri region code: province, regency/city, district or village. */
export const RegionCode = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'expected a Kemendagri region code like 31.71');
/** The category list lives in domain/routing; here only its slug shape. */
export const CategorySlug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'expected a category slug like jalan-rusak');

export const ComplaintKind = z.enum(['pengaduan', 'aspirasi', 'permintaan_informasi']);
export type ComplaintKind = z.infer<typeof ComplaintKind>;

export const Location = z
  .object({
    description: freeText(500),
    coordinates: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).strict().optional(),
  })
  .strict();
export type Location = z.infer<typeof Location>;

/** A file already stored elsewhere; the ledger keeps only the reference. */
export const AttachmentRef = z
  .object({
    id: EntityId,
    name: freeText(255),
    mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]{1,100}$/, 'expected a media type like image/jpeg'),
    sizeBytes: z.int().min(0).max(100_000_000),
  })
  .strict();
export type AttachmentRef = z.infer<typeof AttachmentRef>;
export const Attachments = z.array(AttachmentRef).max(20);

export { SealedPersonalData };
