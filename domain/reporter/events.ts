import { z } from 'zod';
import type { EventRegistry } from '../../eventstore/eventRegistry';
import { IsoInstant } from '../complaint/values';

/** Recorded before anything is erased, so an interrupted erasure is known and can be finished. */
export const ReporterErasureRequested = z.object({ at: IsoInstant }).strict();
/** Every complaint of the reporter found by then carries ReporterDataErased. */
export const ReporterErasureCompleted = z.object({ at: IsoInstant, complaints: z.number().int().nonnegative() }).strict();

export type ReporterEvent =
  | { readonly type: 'ReporterErasureRequested'; readonly data: z.infer<typeof ReporterErasureRequested> }
  | { readonly type: 'ReporterErasureCompleted'; readonly data: z.infer<typeof ReporterErasureCompleted> };

/** What the event store validates reporter events against before appending them. */
export const reporterEventRegistry: EventRegistry = {
  ReporterErasureRequested: { version: 1, schema: ReporterErasureRequested },
  ReporterErasureCompleted: { version: 1, schema: ReporterErasureCompleted },
};
