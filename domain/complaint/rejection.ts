import { z } from 'zod';

/**
 * Why the admin archives a report. Law, legislative, corruption and criminal matters are
 * outside SP4N: they belong to courts, parliaments, the KPK and the police.
 */
export const OutOfScopeMatter = z.enum(['law', 'legislative', 'corruption', 'criminal']);
export type OutOfScopeMatter = z.infer<typeof OutOfScopeMatter>;

export const Rejection = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('spam') }).strict(),
  z.object({ reason: z.literal('incomplete') }).strict(),
  z.object({ reason: z.literal('out_of_scope'), matter: OutOfScopeMatter }).strict(),
]);
export type Rejection = z.infer<typeof Rejection>;
