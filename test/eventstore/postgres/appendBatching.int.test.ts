import fc from 'fast-check';
import { IdempotencyConflict, WrongExpectedVersion } from '../../../eventstore/errors';
import { canonicalEventForm, verifyChain } from '../../../eventstore/hashChain';
import type { AppendResult, ExpectedRevision, NewEvent } from '../../../eventstore/port';
import { decodeLedgerPosition } from '../../../eventstore/postgres/ledgerPosition';
import { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { counterIncremented, testEventRegistry, uniqueStreamId } from '../testEvents';
import { connect, dropSchema, uniqueSchema } from './testDatabase';

const schema = uniqueSchema('batching');
let client: SqlClient;
/** One call in flight: everything submitted while it runs goes together in the next call, in submission order. */
let store: PostgresEventStore;

beforeAll(async () => {
  client = connect(8);
  store = await PostgresEventStore.open({ client, schema, registry: testEventRegistry, maxAppendCallsInFlight: 1 });
});

afterAll(async () => {
  await store.close();
  await dropSchema(client, schema);
  await client.close();
});

type Outcome = { ok: AppendResult } | { error: unknown };
const settle = (append: Promise<AppendResult>): Promise<Outcome> => append.then((ok) => ({ ok }), (error: unknown) => ({ error }));
const transactionOf = (result: AppendResult): bigint => decodeLedgerPosition(result.position).transactionId;

function okOf(outcome: Outcome | undefined): AppendResult {
  if (!outcome || !('ok' in outcome)) throw new Error(`expected a result, got ${outcome && 'error' in outcome ? String(outcome.error) : 'nothing'}`);
  return outcome.ok;
}

function expectWrongVersion(outcome: Outcome | undefined, actual: number | 'no_stream'): void {
  const error = outcome && 'error' in outcome ? outcome.error : undefined;
  expect(error).toBeInstanceOf(WrongExpectedVersion);
  expect((error as WrongExpectedVersion).actual).toBe(actual);
}

/** Appends submitted in the same turn of the event loop go together in one call, in submission order. */
function inOneGroup(appends: readonly (() => Promise<AppendResult>)[]): Promise<Outcome[]> {
  return Promise.all(appends.map((append) => settle(append())));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('winners, conflicts and duplicates that go in one call each get their own result', async () => {
  const [contested, repeated, partlyRepeated, existing, fresh, twice] = Array.from({ length: 6 }, () => uniqueStreamId('mix'));
  const storedRepeat = counterIncremented(1);
  const storedPartly = counterIncremented(1);
  const original = await store.appendToStream(repeated!, 'no_stream', [storedRepeat]);
  await store.appendToStream(partlyRepeated!, 'no_stream', [storedPartly]);
  await store.appendToStream(contested!, 'no_stream', [counterIncremented(1)]);
  await store.appendToStream(existing!, 'no_stream', [counterIncremented(1)]);
  const sameEvent = counterIncremented(7);

  const outcomes = await inOneGroup([
    () => store.appendToStream(contested!, 0, [counterIncremented(2, { note: 'winner' })]),
    () => store.appendToStream(contested!, 0, [counterIncremented(2, { note: 'loser' })]),
    () => store.appendToStream(repeated!, 'no_stream', [storedRepeat]),
    () => store.appendToStream(partlyRepeated!, 'any', [storedPartly, counterIncremented(2)]),
    () => store.appendToStream(existing!, 'no_stream', [counterIncremented(2)]),
    () => store.appendToStream(fresh!, 'no_stream', [counterIncremented(1), counterIncremented(2)]),
    () => store.appendToStream(twice!, 'no_stream', [sameEvent]),
    () => store.appendToStream(twice!, 'no_stream', [sameEvent]),
  ]);

  const [winner, loser, duplicate, conflict, late, newStream, first, again] = outcomes;
  expect(okOf(winner).nextExpectedRevision).toBe(1);
  expectWrongVersion(loser, 1);
  expect(okOf(duplicate)).toEqual(original);
  expect(conflict && 'error' in conflict ? conflict.error : undefined).toBeInstanceOf(IdempotencyConflict);
  expectWrongVersion(late, 0);
  expect(okOf(newStream).nextExpectedRevision).toBe(1);
  expect(okOf(first).nextExpectedRevision).toBe(0);
  expect(okOf(again)).toEqual(okOf(first));
  // They really went together: one transaction wrote every appended entry.
  expect(new Set([winner, newStream, first].map((o) => transactionOf(okOf(o)))).size).toBe(1);

  expect((await store.readStream(contested!)).map((e) => e.data)).toEqual([{ by: 1 }, { by: 2, note: 'winner' }]);
  expect(await store.readStream(partlyRepeated!)).toHaveLength(1);
  expect(await store.readStream(existing!)).toHaveLength(1);
  expect((await store.readStream(twice!)).map((e) => e.metadata.eventId)).toEqual([sameEvent.metadata.eventId]);
  for (const streamId of [contested!, fresh!]) expect(verifyChain(await store.readStream(streamId)).valid).toBe(true);
});

test('a group of independent entries (one event each, distinct streams and ids) gets the answers single appends give', async () => {
  // Such a group is checked and inserted set-wise by one statement rather than entry by entry.
  const [extended, stale, existing, absent, anyAbsent, repeated, elsewhere, borrower, fresh] = Array.from({ length: 9 }, () => uniqueStreamId('setwise'));
  await store.appendToStream(extended!, 'no_stream', [counterIncremented(1), counterIncremented(2)]);
  await store.appendToStream(stale!, 'no_stream', [counterIncremented(1), counterIncremented(2)]);
  await store.appendToStream(existing!, 'no_stream', [counterIncremented(1)]);
  const storedRepeat = counterIncremented(1);
  const original = await store.appendToStream(repeated!, 'no_stream', [storedRepeat]);
  const storedElsewhere = counterIncremented(1);
  await store.appendToStream(elsewhere!, 'no_stream', [storedElsewhere]);

  const outcomes = await inOneGroup([
    () => store.appendToStream(extended!, 1, [counterIncremented(3)]),
    () => store.appendToStream(stale!, 0, [counterIncremented(3)]),
    () => store.appendToStream(existing!, 'no_stream', [counterIncremented(2)]),
    () => store.appendToStream(absent!, 'stream_exists', [counterIncremented(1)]),
    () => store.appendToStream(anyAbsent!, 'any', [counterIncremented(1)]),
    () => store.appendToStream(repeated!, 'no_stream', [storedRepeat]),
    () => store.appendToStream(borrower!, 'no_stream', [storedElsewhere]),
    () => store.appendToStream(fresh!, 'no_stream', [counterIncremented(1)]),
  ]);
  const [extendedOutcome, staleOutcome, existingOutcome, absentOutcome, anyOutcome, repeatOutcome, borrowerOutcome, freshOutcome] = outcomes;
  expect(okOf(extendedOutcome).nextExpectedRevision).toBe(2);
  expectWrongVersion(staleOutcome, 1);
  expectWrongVersion(existingOutcome, 0);
  expectWrongVersion(absentOutcome, 'no_stream');
  expect(okOf(anyOutcome).nextExpectedRevision).toBe(0);
  expect(okOf(repeatOutcome)).toEqual(original);
  expect(borrowerOutcome && 'error' in borrowerOutcome ? borrowerOutcome.error : undefined).toBeInstanceOf(IdempotencyConflict);
  expect(okOf(freshOutcome).nextExpectedRevision).toBe(0);
  expect(new Set([extendedOutcome, anyOutcome, freshOutcome].map((o) => transactionOf(okOf(o)))).size).toBe(1);

  // Each appended event got its own position, and extends its stream's chain from the stored head.
  for (const [streamId, outcome] of [[extended!, extendedOutcome], [anyAbsent!, anyOutcome], [fresh!, freshOutcome]] as const) {
    const events = await store.readStream(streamId);
    expect(events.at(-1)!.globalPosition).toBe(okOf(outcome).position);
    expect(verifyChain(events).valid).toBe(true);
  }
  expect(await store.readStream(stale!)).toHaveLength(2);
  expect(await store.readStream(existing!)).toHaveLength(1);
  expect(await store.readStream(absent!)).toEqual([]);
  expect(await store.readStream(borrower!)).toEqual([]);
});

test('an entry the database refuses fails only its own caller; the others of its call are written', async () => {
  const streams = Array.from({ length: 4 }, () => uniqueStreamId('poison'));
  // A lone UTF-16 surrogate passes the schema but jsonb refuses it: the whole call fails.
  const poison = counterIncremented(1, { note: 'broken \ud800 text' });
  const outcomes = await inOneGroup([
    () => store.appendToStream(streams[0]!, 'no_stream', [counterIncremented(1)]),
    () => store.appendToStream(streams[1]!, 'no_stream', [poison]),
    () => store.appendToStream(streams[2]!, 'no_stream', [counterIncremented(1)]),
    () => store.appendToStream(streams[3]!, 'no_stream', [counterIncremented(1)]),
  ]);
  expect(outcomes[1]).toMatchObject({ error: expect.objectContaining({ message: expect.stringMatching(/json/i) }) });
  for (const i of [0, 2, 3]) {
    expect(okOf(outcomes[i]).nextExpectedRevision).toBe(0);
    expect(await store.readStream(streams[i]!)).toHaveLength(1);
  }
  expect(await store.readStream(streams[1]!)).toEqual([]);
});

/** Another writer (here through append_events, as a node of the previous version would) holding its transaction open. */
async function holdAppend(streamId: string): Promise<{ transactionId: string; commit: () => Promise<void> }> {
  const event = counterIncremented(1, { note: 'other process' });
  const payload = JSON.stringify([
    { eventId: event.metadata.eventId, type: event.type, data: event.data, metadata: event.metadata, canonical: canonicalEventForm({ streamId, ...event }) },
  ]);
  let transactionId!: (id: string) => void;
  const started = new Promise<string>((resolve) => (transactionId = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = client.transaction(async (tx) => {
    const [row] = await tx.query<{ last_transaction_id: string }>(`SELECT * FROM ${schema}.append_events($1, 'no_stream', $2::jsonb)`, [streamId, payload]);
    transactionId(row!.last_transaction_id);
    await released;
  });
  const id = await started;
  return {
    transactionId: id,
    commit: async () => {
      release();
      await done;
    },
  };
}

async function untilSomeoneWaitsFor(transactionId: string): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    const [row] = await client.query<{ waiting: string }>(
      `SELECT count(*)::text AS waiting FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted AND transactionid::text = $1`,
      [String(BigInt(transactionId) & 0xffffffffn)],
    );
    if (row!.waiting !== '0') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`nobody waited for transaction ${transactionId}`);
}

test('a call that loses a revision to a writer in another process is repeated: only the losing entry is refused', async () => {
  const [first, contested, before, after] = Array.from({ length: 4 }, () => uniqueStreamId('race'));
  const holdFirst = await holdAppend(first!);
  const holdContested = await holdAppend(contested!);
  // The first call (alone, started a turn earlier) waits on the other writer's row; the rest queue up behind it.
  const lone = settle(store.appendToStream(first!, 'no_stream', [counterIncremented(1)]));
  await nextTurn();
  const group = Promise.all([before!, contested!, after!].map((streamId) => settle(store.appendToStream(streamId, 'no_stream', [counterIncremented(1)]))));
  await untilSomeoneWaitsFor(holdFirst.transactionId);
  await holdFirst.commit();
  expectWrongVersion(await lone, 0);
  // The group now runs and waits on the second held row mid-call.
  await untilSomeoneWaitsFor(holdContested.transactionId);
  await holdContested.commit();
  const [beforeOutcome, contestedOutcome, afterOutcome] = await group;
  expectWrongVersion(contestedOutcome, 0);
  expect(transactionOf(okOf(beforeOutcome))).toBe(transactionOf(okOf(afterOutcome)));
  expect(okOf(beforeOutcome).nextExpectedRevision).toBe(0);
  expect((await store.readStream(contested!)).map((e) => e.data)).toEqual([{ by: 1, note: 'other process' }]);
  for (const streamId of [first!, contested!, before!, after!]) expect(verifyChain(await store.readStream(streamId)).valid).toBe(true);
});

/** The single-append semantics, kept apart from the code under test: what each append must answer. */
type ModelOutcome = { revision: number } | { wrong: number | 'no_stream' } | 'idempotency_conflict';

function modelOutcome(streams: Map<string, { revision: number; ids: Set<string> }>, streamId: string, expected: ExpectedRevision, event: NewEvent): ModelOutcome {
  const current = streams.get(streamId) ?? { revision: -1, ids: new Set<string>() };
  // One event per append: its index among the stream's ids is its revision.
  if (current.ids.has(event.metadata.eventId)) return { revision: [...current.ids].indexOf(event.metadata.eventId) };
  if ([...streams.values()].some((s) => s.ids.has(event.metadata.eventId))) return 'idempotency_conflict';
  const actual = current.revision < 0 ? 'no_stream' : current.revision;
  const fits = expected === 'any' || (expected === 'no_stream' ? current.revision < 0 : expected === 'stream_exists' ? current.revision >= 0 : expected === current.revision);
  if (!fits) return { wrong: actual };
  current.revision += 1;
  current.ids.add(event.metadata.eventId);
  streams.set(streamId, current);
  return { revision: current.revision };
}

test('concurrent appends grouped into calls answer each caller exactly as appending one by one would', async () => {
  const expectedArb = fc.oneof(fc.constantFrom<ExpectedRevision>('no_stream', 'stream_exists', 'any'), fc.integer({ min: 0, max: 3 }));
  const appendArb = fc.record({ stream: fc.nat(), expected: expectedArb, repeatOf: fc.option(fc.nat(), { nil: undefined }) });
  // Few streams give groups whose entries depend on each other (run entry by entry); many streams
  // give independent groups (run set-wise). Two groups, so the second repeats events the first stored.
  const planArb = fc.record({ streams: fc.integer({ min: 1, max: 30 }), first: fc.array(appendArb, { minLength: 1, maxLength: 16 }), second: fc.array(appendArb, { minLength: 1, maxLength: 16 }) });
  await fc.assert(
    fc.asyncProperty(planArb, async ({ streams, first, second }) => {
      const plan = [...first, ...second];
      const streamIds = Array.from({ length: streams }, () => uniqueStreamId('model'));
      const events: NewEvent[] = [];
      const appends = plan.map((step, i) => {
        // Some appends repeat the event of an earlier one (a retried request).
        const event = step.repeatOf !== undefined && i > 0 ? events[step.repeatOf % i]! : counterIncremented(i);
        events.push(event);
        return { streamId: streamIds[step.stream % streams]!, expected: step.expected, event };
      });
      const group = (part: typeof appends) => inOneGroup(part.map((a) => () => store.appendToStream(a.streamId, a.expected, [a.event])));
      const outcomes = [...(await group(appends.slice(0, first.length))), ...(await group(appends.slice(first.length)))];

      // One call in flight and a first-come queue: the database applied them in submission order.
      const model = new Map<string, { revision: number; ids: Set<string> }>();
      for (const [i, a] of appends.entries()) {
        const expected = modelOutcome(model, a.streamId, a.expected, a.event);
        const outcome = outcomes[i]!;
        if (expected === 'idempotency_conflict') {
          expect('error' in outcome ? outcome.error : undefined).toBeInstanceOf(IdempotencyConflict);
        } else if ('wrong' in expected) {
          expectWrongVersion(outcome, expected.wrong);
        } else {
          const result = okOf(outcome);
          expect(result.nextExpectedRevision).toBe(expected.revision);
          // The position handed back is that of this caller's own event (or of its first append, for a repeat).
          const [stored] = await store.readStream(a.streamId, { fromRevision: expected.revision, maxCount: 1 });
          expect(stored?.metadata.eventId).toBe(a.event.metadata.eventId);
          expect(stored?.globalPosition).toBe(result.position);
        }
      }
    }),
    { numRuns: 25 },
  );
});
