import { z } from 'zod';
import { Actor, Channel } from '../../eventstore/metadata';

const HistoryEvent = z
  .object({
    revision: z.int().min(0),
    eventId: z.uuid(),
    type: z.string(),
    actor: Actor,
    channel: Channel,
    occurredAt: z.iso.datetime({ offset: true }),
    recordedAt: z.iso.datetime({ offset: true }),
    correlationId: z.string(),
    causationId: z.string(),
    schemaVersion: z.int().min(1),
    data: z.unknown().meta({ description: 'The event data as written (personal data only as sealed envelopes), less the fields in `withheld`' }),
    withheld: z.array(z.string()).optional().meta({ description: 'Fields of the written data not shown (the receipt access-code hash); the chain is verified over all of it' }),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const ChainVerificationSchema = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), eventCount: z.int().min(0), headHash: z.string() }).strict(),
  z.object({ valid: z.literal(false), eventCount: z.int().min(0), firstBrokenRevision: z.int().min(0), reason: z.string() }).strict(),
]);

export const ComplaintHistory = z
  .object({
    complaintId: z.uuid(),
    streamId: z.string(),
    events: z.array(HistoryEvent),
    verification: ChainVerificationSchema.meta({ description: "The stream's hash chain recomputed from the events as read: valid, or the first broken link" }),
  })
  .strict();
