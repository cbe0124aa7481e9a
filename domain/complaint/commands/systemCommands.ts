import { z } from 'zod';
import { ScheduleKey } from '../values';

/** Issued by the scheduler from scheduledActions(); the key makes re-issuing harmless. */
export const EscalateComplaint = z.object({ type: z.literal('EscalateComplaint'), key: ScheduleKey }).strict();
export const AutoCloseComplaint = z.object({ type: z.literal('AutoCloseComplaint'), key: ScheduleKey }).strict();
