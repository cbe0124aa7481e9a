import { complaintEventRegistry } from '../domain/complaint';
import { reporterEventRegistry } from '../domain/reporter';
import type { EventRegistry } from '../eventstore/eventRegistry';

/** Every event type the ledger holds: complaint streams and reporter streams. */
export const ledgerEventRegistry: EventRegistry = { ...complaintEventRegistry, ...reporterEventRegistry };
