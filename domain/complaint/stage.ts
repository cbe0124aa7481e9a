import { z } from 'zod';

/**
 * The clock a complaint is running against. Each open status has at most one:
 * verification (admin verifies and disposes), information (reporter answers the admin),
 * agency_response (the agency accepts or declines), resolution (the agency resolves),
 * reporter_reply (the reporter may reply or reopen before the complaint closes itself).
 */
export const Stage = z.enum(['verification', 'information', 'agency_response', 'resolution', 'reporter_reply']);
export type Stage = z.infer<typeof Stage>;

/** Stages whose breach is someone's failure to act: they escalate. */
export const ESCALATING_STAGES: readonly Stage[] = ['verification', 'agency_response', 'resolution'];
/** Stages whose expiry ends the complaint: it closes itself. */
export const CLOSING_STAGES: readonly Stage[] = ['information', 'reporter_reply'];

export interface Deadline {
  readonly stage: Stage;
  /** ISO instant with offset (end of a Jakarta working day); compare with Date.parse, never as text. */
  readonly dueAt: string;
}
