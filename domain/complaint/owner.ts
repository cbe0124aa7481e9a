import { z } from 'zod';
import { AgencyId } from './values';

/**
 * "No wrong door": until it is closed, a complaint is always owned by exactly one of these.
 * A union rather than nullable fields, so "nobody" cannot even be written down.
 */
export const AdminQueue = z.object({ kind: z.literal('admin_queue') }).strict();
export const AgencyOwner = z.object({ kind: z.literal('agency'), agencyId: AgencyId, unitId: AgencyId.optional() }).strict();
export const Owner = z.discriminatedUnion('kind', [AdminQueue, AgencyOwner]);
export type Owner = z.infer<typeof Owner>;
export type AgencyOwner = z.infer<typeof AgencyOwner>;

export const ADMIN_QUEUE: Owner = Object.freeze({ kind: 'admin_queue' });
