import { z } from 'zod';
import { IsoInstant } from '../values';

/** Protections only ever tighten: there is deliberately no event that lifts one. */

export const ComplaintMadeConfidential = z.object({ at: IsoInstant }).strict();

/** The vault deletes the reporter's key alongside; the sealed envelope stays, unreadable. */
export const ReporterDataErased = z.object({ at: IsoInstant }).strict();
