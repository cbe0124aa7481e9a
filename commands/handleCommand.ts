import type { WorkingDayCalendar } from '../domain/calendar';
import { complaintEventRegistry, decide, type AgencyDirectory, type Complaint, type ComplaintCommand, type ComplaintEvent, type ReceiptProof } from '../domain/complaint';
import type { TimeLimits } from '../domain/timeLimits';
import { WrongExpectedVersion } from '../eventstore/errors';
import type { Actor, Channel, EventMetadata } from '../eventstore/metadata';
import type { EventStore, NewEvent } from '../eventstore/port';
import type { AppendedEvent, CommandOutcome } from './commandOutcome';
import { complaintEventOf, complaintStreamId, loadComplaint, noComplaintYet, type LoadedComplaint } from './complaintStream';
import { eventIdFor } from './derivedId';
import { StreamLocks } from './streamLocks';

export interface CommandRequest {
  readonly complaintId: string;
  readonly command: ComplaintCommand;
  readonly actor: Actor;
  /** The receipt's access code, already verified against this hash (a reporter acting without an account). */
  readonly receipt?: ReceiptProof;
  readonly channel: Channel;
  readonly correlationId: string;
  /** What caused the command (the HTTP request, the SMS, the scheduler tick). */
  readonly causationId: string;
  /** A UUID unique to this request (kept across re-executions of it): event ids derive from it. */
  readonly requestSeed: string;
  /** If-Match: the revision the client acted on. A mismatch is answered, never retried. */
  readonly ifMatchRevision?: number;
  /**
   * The complaint id was minted for this very execution (a fresh submission draft), so its
   * stream cannot exist and no earlier execution can have written to it: the stream is not
   * read, the command is decided against no complaint and appended at no_stream. Should the
   * stream exist after all, the next attempt reads it as usual.
   */
  readonly newStream?: boolean;
  /**
   * Side effect that must precede the append (erasing a vault key before the ledger says
   * the data are erased). Runs once per attempt, so it must be idempotent.
   */
  readonly beforeAppend?: (complaint: Complaint, events: readonly ComplaintEvent[]) => Promise<void>;
}

export interface CommandHandlerDependencies {
  readonly store: EventStore;
  readonly agencies: AgencyDirectory;
  readonly limits: TimeLimits;
  readonly calendar: WorkingDayCalendar;
  readonly clock: () => Date;
  /** Attempts against a moving stream before giving up (default 10). */
  readonly maxAttempts?: number;
  /** Pause before attempt n+1 (default: jittered, growing, at most ~100 ms). */
  readonly backoffMs?: (attempt: number) => number;
}

export type HandleCommand = (request: CommandRequest) => Promise<CommandOutcome>;

const defaultBackoff = (attempt: number): number => Math.random() * Math.min(100, 5 * 2 ** attempt);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The write path: load the stream, rebuild, decide, append at the expected revision.
 * When another writer appended first, the command is decided again against the new
 * state (so it is retried only while it is still valid) up to maxAttempts times.
 */
export function createCommandHandler(deps: CommandHandlerDependencies): HandleCommand {
  const locks = new StreamLocks();
  const maxAttempts = deps.maxAttempts ?? 10;
  const backoff = deps.backoffMs ?? defaultBackoff;

  async function attempt(request: CommandRequest, assumeNewStream: boolean): Promise<CommandOutcome | 'retry'> {
    const loaded = assumeNewStream ? noComplaintYet : await loadComplaint(deps.store, request.complaintId);
    if (request.ifMatchRevision !== undefined && loaded.revision !== request.ifMatchRevision) {
      return { kind: 'precondition_failed', currentRevision: loaded.revision };
    }
    const earlier = eventsOfEarlierExecution(loaded, request.requestSeed);
    if (earlier) return { kind: 'accepted', complaintId: request.complaintId, ...earlier, alreadyApplied: true };
    const now = deps.clock().toISOString();
    const receipt = request.receipt === undefined ? {} : { receipt: request.receipt };
    const decision = decide(loaded.state, request.command, { actor: request.actor, now, agencies: deps.agencies, limits: deps.limits, calendar: deps.calendar, ...receipt });
    if (!decision.ok) return { kind: 'refused', error: decision.error, revision: loaded.revision };
    if (request.beforeAppend && loaded.state.exists) await request.beforeAppend(loaded.state, decision.events);
    const events = decision.events.map((event, index) => ({ eventId: eventIdFor(request.requestSeed, index), event }));
    try {
      const result = await deps.store.appendToStream(
        complaintStreamId(request.complaintId),
        loaded.revision ?? 'no_stream',
        events.map((appended) => newEvent(appended, request, now)),
      );
      return { kind: 'accepted', complaintId: request.complaintId, revision: result.nextExpectedRevision, events, alreadyApplied: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
      if (request.ifMatchRevision !== undefined) return { kind: 'precondition_failed', currentRevision: error.actual === 'no_stream' ? undefined : error.actual };
      return 'retry';
    }
  }

  return (request) =>
    locks.run(complaintStreamId(request.complaintId), async () => {
      for (let attemptNumber = 1; attemptNumber <= maxAttempts; attemptNumber++) {
        const outcome = await attempt(request, attemptNumber === 1 && request.newStream === true);
        if (outcome !== 'retry') return outcome;
        if (attemptNumber < maxAttempts) await sleep(backoff(attemptNumber));
      }
      return { kind: 'contended', attempts: maxAttempts };
    });
}

function newEvent({ eventId, event }: AppendedEvent, request: CommandRequest, occurredAt: string): NewEvent {
  const metadata: EventMetadata = {
    eventId,
    actor: request.actor,
    channel: request.channel,
    correlationId: request.correlationId,
    causationId: request.causationId,
    occurredAt,
    schemaVersion: complaintEventRegistry[event.type]!.version,
  };
  return { type: event.type, data: event.data, metadata };
}

/** The events a previous execution of this very request appended (its first event id is derived from the seed). */
function eventsOfEarlierExecution(loaded: LoadedComplaint, requestSeed: string): { revision: number; events: AppendedEvent[] } | undefined {
  const firstEventId = eventIdFor(requestSeed, 0);
  const first = loaded.recorded.findIndex((recorded) => recorded.metadata.eventId === firstEventId);
  if (first < 0) return undefined;
  const events: AppendedEvent[] = [];
  for (let index = 0; loaded.recorded[first + index]?.metadata.eventId === eventIdFor(requestSeed, index); index++) {
    const recorded = loaded.recorded[first + index]!;
    events.push({ eventId: recorded.metadata.eventId, event: complaintEventOf(recorded) });
  }
  return { revision: loaded.recorded[first + events.length - 1]!.streamRevision, events };
}
