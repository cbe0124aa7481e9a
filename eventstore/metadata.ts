import { z } from 'zod';

/** Who may act; mirrors the roles of DESIGN.md. `public` is a citizen without an account. */
export const ActorRole = z.enum(['public', 'reporter', 'admin', 'agency_officer', 'ombudsman', 'channel_gateway', 'system']);
export type ActorRole = z.infer<typeof ActorRole>;

export const Channel = z.enum(['web', 'app', 'sms', 'twitter', 'open311', 'internal']);
export type Channel = z.infer<typeof Channel>;

export const Actor = z
  .object({
    id: z.string().min(1).max(200),
    role: ActorRole,
    agencyId: z.string().min(1).max(100).optional(),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

/** Carried by every event, written by the command side, never edited. */
export const EventMetadata = z
  .object({
    eventId: z.uuid(),
    actor: Actor,
    channel: Channel,
    correlationId: z.string().min(1).max(200),
    causationId: z.string().min(1).max(200),
    occurredAt: z.iso.datetime({ offset: true }),
    schemaVersion: z.number().int().positive(),
  })
  .strict();
export type EventMetadata = z.infer<typeof EventMetadata>;
