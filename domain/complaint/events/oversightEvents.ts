import { z } from 'zod';
import { AccountId, EntityId, IsoInstant } from '../values';
import { Message } from './textLimits';

/** Oversight and public participation. */

export const OversightFindingRecorded = z
  .object({ findingId: EntityId, finding: Message, maladministration: z.boolean(), at: IsoInstant })
  .strict();

/** "Saya juga mengalami" (me too): one per account. */
export const ComplaintSupported = z.object({ accountId: AccountId, at: IsoInstant }).strict();
