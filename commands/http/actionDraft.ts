import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** What an action mints: the seed of its event ids, and the id of what it creates (a follow-up, a finding). */
export const ActionDraft = z.object({ requestSeed: z.uuid(), entityId: z.uuid() }).strict();
export type ActionDraft = z.infer<typeof ActionDraft>;

export const mintActionDraft = (): ActionDraft => ({ requestSeed: randomUUID(), entityId: randomUUID() });
