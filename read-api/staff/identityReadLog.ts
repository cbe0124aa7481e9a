import { randomUUID } from 'node:crypto';
import { complaintStreamId } from '../../commands/complaintStream';
import { ANONYMOUS_NAME, complaintEvent, complaintEventDefinitions, type CaseView, type IdentityField } from '../../domain/complaint';
import type { Actor } from '../../eventstore/metadata';
import type { EventStore } from '../../eventstore/port';
import { HttpProblem } from '../../app/http/httpProblem';
import { problem } from '../../app/http/problem';

/** What of the reporter's identity a staff view shows: a real name (not "Anonim", not erased) and contact details. */
export function identityShownBy(view: CaseView): IdentityField[] {
  const nameShown = view.reporterName !== null && !(view.anonymous && view.reporterName === ANONYMOUS_NAME);
  const contactShown = view.reporterContact !== undefined && view.reporterContact !== null;
  return [...(nameShown ? (['name'] as const) : []), ...(contactShown ? (['contact'] as const) : [])];
}

/**
 * Records, on each complaint's stream, that `actor` is being shown its reporter's identity
 * through `readVia`, before the read answers. A failed append fails the read with a 503 (the
 * cause logged with the request id): an identity read is served only once it is on the record.
 */
export interface IdentityReadLog {
  record(actor: Actor, readVia: string, views: readonly CaseView[], asAgencyId?: string): Promise<void>;
}

export function identityReadLog(ledger: Pick<EventStore, 'appendToStream'>, clock: () => Date): IdentityReadLog {
  return {
    async record(actor, readVia, views, asAgencyId) {
      const at = clock().toISOString();
      const correlationId = randomUUID();
      const appends = views.flatMap((view) => {
        const fields = identityShownBy(view);
        if (fields.length === 0) return [];
        const { type, data } = complaintEvent('ReporterIdentityAccessed', { fields, readVia, ...(asAgencyId === undefined ? {} : { asAgencyId }), at });
        const metadata = {
          eventId: randomUUID(),
          actor,
          channel: 'internal' as const,
          correlationId,
          causationId: correlationId,
          occurredAt: at,
          schemaVersion: complaintEventDefinitions.ReporterIdentityAccessed.version,
        };
        // stream_exists: a read model never shows a complaint the ledger lacks; if it did, the read fails.
        return [ledger.appendToStream(complaintStreamId(view.complaintId), 'stream_exists', [{ type, data, metadata }])];
      });
      try {
        await Promise.all(appends);
      } catch (error) {
        throw new HttpProblem(problem(503, 'identity_read_not_recorded', 'The access to the reporter identity could not be recorded; try again'), { 'retry-after': '5' }, error);
      }
    },
  };
}
