import { z } from 'zod';
import {
  AttachmentRef,
  AutoCloseCause,
  Channel,
  ComplaintKind,
  FollowUpVisibility,
  IsoInstant,
  Location,
  Owner,
  Rejection,
  Stage,
  type CaseView,
  type ComplaintStatus,
  type StatusOnlyView,
} from '../../domain/complaint';
import { AssignmentDeclined } from '../../domain/complaint/events/agencyEvents';
import { OversightFindingRecorded } from '../../domain/complaint/events/oversightEvents';
import { ComplaintEscalated } from '../../domain/complaint/events/systemEvents';
import { PersonalData } from '../../domain/personalData';
import { ResolutionClass } from '../../domain/timeLimits';

/*
 * The domain's views (domain/complaint/views.ts, TypeScript interfaces) as zod schemas, for
 * the OpenAPI document of every read route. The type checks at the end fail the build when
 * a view changes and these do not.
 */

export const ComplaintStatusSchema = z.enum(['submitted', 'awaiting_information', 'on_hold', 'returned_to_admin', 'disposed', 'in_progress', 'resolved', 'closed']);

const ClosureSchema = z.union([
  z.object({ cause: z.literal('rejected'), rejection: Rejection, at: IsoInstant }).strict(),
  z.object({ cause: z.literal('merged'), masterComplaintId: z.string(), at: IsoInstant }).strict(),
  z.object({ cause: AutoCloseCause, key: z.string(), at: IsoInstant }).strict(),
]);

const FollowUpSchema = z
  .object({ followUpId: z.string(), byAgencyId: z.string(), visibility: FollowUpVisibility, text: z.string(), attachments: z.array(AttachmentRef), at: IsoInstant })
  .strict();

const ReporterMessageSchema = z.object({ kind: z.enum(['reply', 'supplement']), text: z.string(), attachments: z.array(AttachmentRef), at: IsoInstant }).strict();

const OversightMarkersSchema = z
  .object({
    historyStreamId: z.string(),
    channel: Channel,
    channelMessageId: z.string().optional(),
    reporterAccountId: z.string().optional(),
    reporterDataErased: z.boolean(),
    holdReason: z.string().optional(),
    redaction: z.object({ title: z.string(), chronology: z.string(), at: IsoInstant }).strict().optional(),
    declines: z.array(AssignmentDeclined.omit({ nextDueAt: true })),
    escalations: z.array(ComplaintEscalated),
    findings: z.array(OversightFindingRecorded),
    agenciesInvolved: z.array(z.string()),
  })
  .strict();

export const StatusOnlyViewSchema = z
  .object({ shape: z.literal('status_only'), trackingId: z.string(), status: ComplaintStatusSchema })
  .strict()
  .meta({ description: "A confidential complaint as the public sees it through its tracking id: status only" });

export const CaseViewSchema = z
  .object({
    shape: z.literal('case'),
    audience: z.enum(['public', 'reporter', 'agency', 'admin', 'ombudsman']),
    complaintId: z.uuid(),
    trackingId: z.string(),
    kind: ComplaintKind,
    status: ComplaintStatusSchema,
    closure: ClosureSchema.optional(),
    owner: Owner,
    deadline: z.object({ stage: Stage, dueAt: IsoInstant }).strict().optional(),
    submittedAt: IsoInstant,
    updatedAt: IsoInstant,
    verifiedAt: IsoInstant.optional(),
    resolutionClass: ResolutionClass.optional(),
    escalated: z.boolean(),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    category: z.string(),
    regionCode: z.string(),
    incidentDate: z.string(),
    location: Location.optional(),
    title: z.string(),
    chronology: z.string(),
    redacted: z.boolean(),
    attachments: z.array(AttachmentRef),
    reporterName: z.string().nullable().meta({ description: '"Anonim" when hidden from this audience; null when unknown or erased' }),
    reporterContact: PersonalData.omit({ name: true }).nullable().optional(),
    followUps: z.array(FollowUpSchema),
    reporterMessages: z.array(ReporterMessageSchema),
    informationRequests: z.array(z.object({ question: z.string(), at: IsoInstant }).strict()).optional(),
    resolution: z.object({ agencyId: z.string(), summary: z.string(), at: IsoInstant }).strict().optional(),
    rating: z.object({ score: z.number(), comment: z.string().optional(), at: IsoInstant }).strict().optional(),
    supportCount: z.int().min(0),
    oversight: OversightMarkersSchema.optional(),
  })
  .strict();

type DeepReadonly<T> = T extends readonly (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
/** Compiles only when A and B are assignable to each other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type SchemasMatchTheDomainViews = [
  Holds<Same<CaseView, DeepReadonly<z.output<typeof CaseViewSchema>>>>,
  Holds<Same<StatusOnlyView, z.output<typeof StatusOnlyViewSchema>>>,
  Holds<Same<ComplaintStatus, z.output<typeof ComplaintStatusSchema>>>,
];
