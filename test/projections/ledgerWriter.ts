import { randomUUID } from 'node:crypto';
import { decide, rebuild, type ComplaintCommand, type ComplaintEvent, type DecisionActor } from '../../domain/complaint';
import type { EventStore } from '../../eventstore/port';
import { contextFor } from '../domain/complaint/fixtures';

const streamOf = (complaintId: string): string => `complaint-${complaintId}`;

/**
 * Writes a ledger the way the command side will: load the stream, rebuild, decide, append.
 * So every fixture event is one the domain really produces.
 */
export class LedgerWriter {
  constructor(private readonly store: EventStore) {}

  async history(complaintId: string): Promise<ComplaintEvent[]> {
    return (await this.store.readStream(streamOf(complaintId))).map((e) => ({ type: e.type, data: e.data }) as ComplaintEvent);
  }

  async run(complaintId: string, command: ComplaintCommand, actor: DecisionActor, now: string): Promise<readonly ComplaintEvent[]> {
    const history = await this.history(complaintId);
    const decision = decide(rebuild(history), command, contextFor(actor, now));
    if (!decision.ok) throw new Error(`fixture command ${command.type} refused: ${decision.error.code} ${decision.error.message}`);
    const correlationId = randomUUID();
    await this.store.appendToStream(
      streamOf(complaintId),
      history.length === 0 ? 'no_stream' : history.length - 1,
      decision.events.map((event) => ({
        type: event.type,
        data: event.data,
        metadata: {
          eventId: randomUUID(),
          actor: { id: actor.id, role: actor.role, ...(actor.agencyId === undefined ? {} : { agencyId: actor.agencyId }) },
          channel: 'web',
          correlationId,
          causationId: correlationId,
          occurredAt: now,
          schemaVersion: 1,
        },
      })),
    );
    return decision.events;
  }
}
