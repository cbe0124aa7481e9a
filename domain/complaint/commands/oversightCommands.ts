import { z } from 'zod';
import { Message } from '../events/textLimits';
import { EntityId } from '../values';

export const RecordOversightFinding = z
  .object({ type: z.literal('RecordOversightFinding'), findingId: EntityId, finding: Message, maladministration: z.boolean() })
  .strict();

/** "Saya juga mengalami": the supporting account is the actor. */
export const SupportComplaint = z.object({ type: z.literal('SupportComplaint') }).strict();
