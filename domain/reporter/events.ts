import { z } from 'zod';
import type { EventRegistry } from '../../eventstore/eventRegistry';
import { IsoInstant } from '../complaint/values';
import { SealedPersonalData } from '../personalData';

/** An account: name, NIK and contact, sealed in the vault under the account's own key. */
export const ReporterRegistered = z.object({ at: IsoInstant, personalData: SealedPersonalData }).strict();

/** Recorded before anything is erased, so an interrupted erasure is known and can be finished. */
export const ReporterErasureRequested = z.object({ at: IsoInstant }).strict();
/** Every complaint of the reporter found by then carries ReporterDataErased. */
export const ReporterErasureCompleted = z.object({ at: IsoInstant, complaints: z.number().int().nonnegative() }).strict();

export type ReporterEvent =
  | { readonly type: 'ReporterRegistered'; readonly data: z.infer<typeof ReporterRegistered> }
  | { readonly type: 'ReporterErasureRequested'; readonly data: z.infer<typeof ReporterErasureRequested> }
  | { readonly type: 'ReporterErasureCompleted'; readonly data: z.infer<typeof ReporterErasureCompleted> };

/** What the event store validates reporter events against before appending them. */
export const reporterEventRegistry: EventRegistry = {
  ReporterRegistered: { version: 1, schema: ReporterRegistered },
  ReporterErasureRequested: { version: 1, schema: ReporterErasureRequested },
  ReporterErasureCompleted: { version: 1, schema: ReporterErasureCompleted },
};
