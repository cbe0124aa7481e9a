import { randomUUID } from 'node:crypto';
import { complaintStreamId } from '../../commands/complaintStream';
import { eventIdFor } from '../../commands/derivedId';
import { createCommandHandler, type CommandRequest } from '../../commands/handleCommand';
import { createWorkingDayCalendar } from '../../domain/calendar';
import type { ComplaintCommand } from '../../domain/complaint';
import { defaultTimeLimits } from '../../domain/timeLimits';
import { CorruptEvent } from '../../eventstore/errors';
import type { Actor } from '../../eventstore/metadata';
import { actors, agencies, COMPLAINT_ID, submitCommand, T0 } from '../domain/complaint/fixtures';
import { InMemoryEventStore } from './inMemoryEventStore';

const stream = complaintStreamId(COMPLAINT_ID);
let store: InMemoryEventStore;
let handle: ReturnType<typeof createCommandHandler>;

beforeEach(() => {
  store = new InMemoryEventStore();
  handle = createCommandHandler({
    store,
    agencies,
    limits: defaultTimeLimits,
    calendar: createWorkingDayCalendar(),
    clock: () => new Date(T0),
    maxAttempts: 4,
    backoffMs: () => 0,
  });
});

function request(command: ComplaintCommand, actor: Actor, extra: Partial<CommandRequest> = {}): CommandRequest {
  return { complaintId: COMPLAINT_ID, command, actor, channel: 'web', correlationId: 'corr-1', causationId: 'cause-1', requestSeed: randomUUID(), ...extra };
}

/** A second API node on the same store. */
const otherNode = () => createCommandHandler({ store, agencies, limits: defaultTimeLimits, calendar: createWorkingDayCalendar(), clock: () => new Date(T0) });

const submit = () => handle(request(submitCommand(), actors.reporter));
const dispose = (extra: Partial<CommandRequest> = {}) =>
  handle(request({ type: 'DisposeComplaint', agencyId: 'pemkot-bandung' }, actors.admin, { channel: 'internal', ...extra }));

test('a command is decided and appended with its metadata; event ids derive from the request seed', async () => {
  const seed = randomUUID();
  const outcome = await handle(request(submitCommand(), actors.reporter, { requestSeed: seed }));
  expect(outcome).toMatchObject({ kind: 'accepted', revision: 0, alreadyApplied: false });
  const [recorded] = await store.readStream(stream);
  expect(recorded?.type).toBe('ComplaintSubmitted');
  expect(recorded?.metadata).toEqual({
    eventId: eventIdFor(seed, 0),
    actor: actors.reporter,
    channel: 'web',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    occurredAt: new Date(T0).toISOString(),
    schemaVersion: 1,
  });
});

test('a refusal appends nothing and carries the domain error', async () => {
  await submit();
  const outcome = await handle(request({ type: 'AcceptAssignment', resolutionClass: 'short' }, actors.bandung));
  expect(outcome).toEqual({ kind: 'refused', revision: 0, error: expect.objectContaining({ kind: 'forbidden', code: 'not_the_owning_agency' }) });
  expect(await store.readStream(stream)).toHaveLength(1);
});

test('a stale If-Match is answered with the current revision and never retried', async () => {
  await submit();
  await dispose();
  const appendsBefore = store.appendCalls;
  const outcome = await handle(request({ type: 'AcceptAssignment', resolutionClass: 'short' }, actors.bandung, { ifMatchRevision: 0 }));
  expect(outcome).toEqual({ kind: 'precondition_failed', currentRevision: 2 });
  expect(store.appendCalls).toBe(appendsBefore);
});

test('If-Match that loses the race at append time is a precondition failure too', async () => {
  await submit();
  const other = otherNode();
  // Another node puts the complaint on hold between our read and our append.
  store.beforeAppend = async () => {
    await other(request({ type: 'HoldComplaint', reason: 'menunggu' }, actors.admin));
  };
  const outcome = await dispose({ ifMatchRevision: 0 });
  expect(outcome).toEqual({ kind: 'precondition_failed', currentRevision: 1 });
});

test('on a conflict the command is decided again against the new state and appended when still valid', async () => {
  await submit();
  await dispose();
  await handle(request({ type: 'AcceptAssignment', resolutionClass: 'short' }, actors.bandung));
  const other = otherNode();
  store.beforeAppend = async () => {
    await other(request({ type: 'PostFollowUp', followUpId: 'fu-other', visibility: 'public', text: 'Sudah ditinjau.', attachments: [] }, actors.bandung));
  };
  const outcome = await handle(request({ type: 'PostFollowUp', followUpId: 'fu-mine', visibility: 'public', text: 'Perbaikan dijadwalkan.', attachments: [] }, actors.bandung));
  expect(outcome).toMatchObject({ kind: 'accepted', revision: 5 });
  const followUps = (await store.readStream(stream)).filter((e) => e.type === 'FollowUpPosted').map((e) => (e.data as { followUpId: string }).followUpId);
  expect(followUps).toEqual(['fu-other', 'fu-mine']);
});

test('on a conflict a command no longer valid is refused, not appended', async () => {
  await submit();
  await dispose();
  const other = otherNode();
  store.beforeAppend = async () => {
    await other(request({ type: 'AcceptAssignment', resolutionClass: 'long' }, actors.bandung));
  };
  const outcome = await handle(request({ type: 'AcceptAssignment', resolutionClass: 'short' }, actors.bandung));
  expect(outcome).toMatchObject({ kind: 'refused', error: { code: 'not_awaiting_acceptance' } });
  expect((await store.readStream(stream)).filter((e) => e.type === 'AssignmentAccepted')).toHaveLength(1);
});

test('retries are bounded: a stream that always moves gives up as contended', async () => {
  await submit();
  let rival = 0;
  const original = store.appendToStream.bind(store);
  store.appendToStream = async (streamId, expected, events) => {
    if (events[0]?.type === 'ComplaintPutOnHold') {
      // Another writer always gets there first.
      const current = (await store.readStream(streamId)).length - 1;
      await original(streamId, current, [{ ...events[0], metadata: { ...events[0].metadata, eventId: randomUUID() }, type: 'PublicTextRedacted', data: { title: `t${rival}`, chronology: 'c', at: T0 } }]);
      rival++;
    }
    return original(streamId, expected, events);
  };
  const outcome = await handle(request({ type: 'HoldComplaint', reason: 'menunggu' }, actors.admin));
  expect(outcome).toEqual({ kind: 'contended', attempts: 4 });
  expect(rival).toBe(4);
});

test('a request executed again (same seed) finds its own events and appends nothing', async () => {
  await submit();
  const seed = randomUUID();
  const first = await dispose({ requestSeed: seed });
  const appendsBefore = store.appendCalls;
  const again = await dispose({ requestSeed: seed });
  expect(again).toEqual({ ...first, alreadyApplied: true });
  expect(store.appendCalls).toBe(appendsBefore);
});

test('a submission on a new stream is appended at no_stream without reading the stream', async () => {
  const outcome = await handle(request(submitCommand(), actors.reporter, { newStream: true }));
  expect(outcome).toMatchObject({ kind: 'accepted', revision: 0, alreadyApplied: false });
  expect(store.readStreamCalls).toBe(0);
  expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['ComplaintSubmitted']);
});

test('a stream said to be new that exists after all is read, and the command decided against it', async () => {
  await submit();
  const readsBefore = store.readStreamCalls;
  const outcome = await handle(request(submitCommand(), actors.reporter, { newStream: true }));
  expect(outcome).toMatchObject({ kind: 'refused', revision: 0, error: { code: 'already_submitted' } });
  expect(store.readStreamCalls - readsBefore).toBe(1);
  expect(await store.readStream(stream)).toHaveLength(1);
});

test('an event that fails its schema when read back stops the command', async () => {
  await submit();
  const [submitted] = store.streams.get(stream)!;
  store.streams.set(stream, [{ ...submitted!, data: { ...(submitted!.data as object), title: '' } }]);
  await expect(dispose()).rejects.toThrow(CorruptEvent);
});

test('commands on one stream in one process run one at a time: none conflicts', async () => {
  await submit();
  await dispose();
  await handle(request({ type: 'AcceptAssignment', resolutionClass: 'short' }, actors.bandung));
  const appendsBefore = store.appendCalls;
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      handle(request({ type: 'PostFollowUp', followUpId: `fu-${i}`, visibility: 'internal', text: `catatan ${i}`, attachments: [] }, actors.bandung)),
    ),
  );
  expect(outcomes.every((o) => o.kind === 'accepted')).toBe(true);
  expect(store.appendCalls - appendsBefore).toBe(20);
});
