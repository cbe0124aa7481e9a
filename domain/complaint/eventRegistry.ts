import type { EventRegistry } from '../../eventstore/eventRegistry';
import { complaintEventDefinitions } from './events';

/** What the event store validates complaint events against before appending them. */
export const complaintEventRegistry: EventRegistry = complaintEventDefinitions;
