import fc from 'fast-check';
import { AppendBatcher } from '../../../eventstore/postgres/appendBatcher';

/** A stand-in for append_batch whose calls finish when the test says so. */
class ControlledCalls {
  readonly calls: { entries: readonly string[]; finish: () => void; fail: (error: Error) => void }[] = [];

  readonly send = (entries: readonly string[]): Promise<string[]> =>
    new Promise((resolve, reject) => {
      this.calls.push({ entries, finish: () => resolve(entries.map((e) => `done:${e}`)), fail: reject });
    });
}

/** A few turns of the event loop: a finished call's callbacks run, then the batcher's next start. */
async function tick(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
}

test('entries submitted in the same turn go together in one call', async () => {
  const calls = new ControlledCalls();
  const batcher = new AppendBatcher(calls.send, { maxCallsInFlight: 2, maxEventsPerCall: 100 });
  const results = ['a', 'b', 'c'].map((entry) => batcher.submit(entry, 1));
  await tick();
  expect(calls.calls.map((c) => c.entries)).toEqual([['a', 'b', 'c']]);
  calls.calls[0]!.finish();
  expect(await Promise.all(results)).toEqual(['done:a', 'done:b', 'done:c']);
});

test('entries that arrive while the calls are busy wait and go together in the next free call', async () => {
  const calls = new ControlledCalls();
  const batcher = new AppendBatcher(calls.send, { maxCallsInFlight: 2, maxEventsPerCall: 100 });
  const results = [batcher.submit('a', 1)];
  await tick();
  results.push(batcher.submit('b', 1));
  await tick();
  results.push(...['c', 'd', 'e'].map((entry) => batcher.submit(entry, 1)));
  await tick();
  expect(calls.calls.map((c) => c.entries)).toEqual([['a'], ['b']]);
  calls.calls[0]!.finish();
  await tick();
  expect(calls.calls.map((c) => c.entries)).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
  calls.calls[1]!.finish();
  calls.calls[2]!.finish();
  expect(await Promise.all(results)).toEqual(['done:a', 'done:b', 'done:c', 'done:d', 'done:e']);
});

test('a call carries at most maxEventsPerCall events, and a larger entry still goes, alone', async () => {
  const calls = new ControlledCalls();
  const batcher = new AppendBatcher(calls.send, { maxCallsInFlight: 1, maxEventsPerCall: 5 });
  const results = [batcher.submit('one', 1), batcher.submit('x3', 3), batcher.submit('y2', 2), batcher.submit('big', 9), batcher.submit('z1', 1)];
  await tick();
  for (let i = 0; i < 3; i++) {
    calls.calls[i]!.finish();
    await tick();
  }
  expect(calls.calls.map((c) => c.entries)).toEqual([['one', 'x3'], ['y2'], ['big'], ['z1']]);
  calls.calls[3]!.finish();
  await Promise.all(results);
});

test('a failed call is repeated entry by entry: only the entry that fails alone gets the error', async () => {
  const sent: (readonly string[])[] = [];
  const batcher = new AppendBatcher<string, string>(
    async (entries) => {
      sent.push(entries);
      if (entries.includes('bad')) throw new Error('refused by the database');
      return entries.map((e) => `done:${e}`);
    },
    { maxCallsInFlight: 1, maxEventsPerCall: 100 },
  );
  const outcomes = ['opener', 'a', 'bad', 'b'].map((entry) => batcher.submit(entry, 1).then((ok) => ok, (e: Error) => `error:${e.message}`));
  expect(await Promise.all(outcomes)).toEqual(['done:opener', 'done:a', 'error:refused by the database', 'done:b']);
  expect(sent).toEqual([['opener', 'a', 'bad', 'b'], ['opener'], ['a'], ['bad'], ['b']]);
});

test('a call answering with the wrong number of outcomes is an error, not a mix-up', async () => {
  const batcher = new AppendBatcher<string, string>(async (entries) => (entries.length > 1 ? ['only one'] : [`done:${entries[0]}`]), {
    maxCallsInFlight: 1,
    maxEventsPerCall: 100,
  });
  // Repeated alone, each entry gets its own answer.
  expect(await Promise.all(['p', 'q', 'r'].map((e) => batcher.submit(e, 1)))).toEqual(['done:p', 'done:q', 'done:r']);
});

test('whatever the arrival pattern, failures and limits, every caller gets exactly its own outcome', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ events: fc.integer({ min: 1, max: 6 }), poisoned: fc.boolean(), waitBefore: fc.boolean() }), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 10 }),
      async (entries, maxCallsInFlight, maxEventsPerCall) => {
        let inFlight = 0;
        let mostInFlight = 0;
        const batcher = new AppendBatcher<number, string>(
          async (ids) => {
            inFlight++;
            mostInFlight = Math.max(mostInFlight, inFlight);
            await tick();
            inFlight--;
            const events = ids.reduce((n, id) => n + entries[id]!.events, 0);
            if (ids.length > 1 && events > maxEventsPerCall) throw new Error('call over the event limit');
            if (ids.some((id) => entries[id]!.poisoned)) throw new Error(`poisoned by ${ids.find((id) => entries[id]!.poisoned)}`);
            return ids.map((id) => `ok:${id}`);
          },
          { maxCallsInFlight, maxEventsPerCall },
        );
        const outcomes: Promise<string>[] = [];
        for (const [id, entry] of entries.entries()) {
          if (entry.waitBefore) await tick();
          outcomes.push(batcher.submit(id, entry.events).then((ok) => ok, (e: Error) => e.message));
        }
        const settled = await Promise.all(outcomes);
        expect(settled).toEqual(entries.map((entry, id) => (entry.poisoned ? `poisoned by ${id}` : `ok:${id}`)));
        expect(mostInFlight).toBeLessThanOrEqual(maxCallsInFlight);
      },
    ),
    { numRuns: 200 },
  );
});
