import { START as ESDB_START, NO_STREAM, StreamNotFoundError, UnavailableError, AccessDeniedError, WrongExpectedVersionError } from '@eventstore/db-client';
import fc from 'fast-check';
import { CorruptEvent, WrongExpectedVersion } from '../../../eventstore/errors';
import { decodeEsdbPosition, encodeEsdbPosition } from '../../../eventstore/esdb/esdbPosition';
import { appendRevisionFor, currentRevisionFromClient, expectationHolds, revisionFromClient } from '../../../eventstore/esdb/esdbRevision';
import { isStreamNotFound, isTransientSubscriptionError, isWrongExpectedVersion, wrongExpectedVersionFrom } from '../../../eventstore/esdb/esdbErrors';
import { esdbEventDataOf, jsonDataOf } from '../../../eventstore/esdb/esdbEventData';
import { recordedEventFromEsdb, recordedEventFromResolved } from '../../../eventstore/esdb/recordedEventFromEsdb';
import { readBackMetadata, storedMetadataOf } from '../../../eventstore/esdb/storedMetadata';
import { InvalidEvent } from '../../../eventstore/errors';
import { START, type ExpectedRevision, type GlobalPosition } from '../../../eventstore/port';
import { prepareEvents } from '../../../eventstore/preparedEvent';
import { counterIncremented, testEventRegistry } from '../testEvents';
import { esdbRecordedEvent } from './esdbRecordedEvent';

const logPosition = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const position = fc.record({ commit: logPosition, prepare: logPosition });
const HASH = 'cd'.repeat(32);

describe('EventStoreDB positions as GlobalPosition strings', () => {
  test('a position survives encoding and decoding, commit and prepare both', () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(decodeEsdbPosition(encodeEsdbPosition(p))).toEqual(p);
      }),
    );
  });

  test('string order equals $all order (commit, then prepare)', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const numeric = a.commit === b.commit ? Math.sign(Number(a.prepare - b.prepare)) : Math.sign(Number(a.commit - b.commit));
        const ea = encodeEsdbPosition(a);
        const eb = encodeEsdbPosition(b);
        expect(ea < eb ? -1 : ea > eb ? 1 : 0).toBe(numeric);
      }),
      { numRuns: 1000 },
    );
  });

  test('events of one append share a commit position and are told apart by prepare', () => {
    const first = encodeEsdbPosition({ commit: 500n, prepare: 500n });
    const second = encodeEsdbPosition({ commit: 500n, prepare: 612n });
    expect(first < second).toBe(true);
    expect(second < encodeEsdbPosition({ commit: 700n, prepare: 700n })).toBe(true);
  });

  test('START is before every position and reads from the start of $all', () => {
    fc.assert(fc.property(position, (p) => expect(START < encodeEsdbPosition(p)).toBe(true)));
    expect(decodeEsdbPosition(START)).toBe(ESDB_START);
  });

  test('out-of-range and foreign positions are refused', () => {
    expect(() => encodeEsdbPosition({ commit: -1n, prepare: 0n })).toThrow(RangeError);
    expect(() => encodeEsdbPosition({ commit: 0n, prepare: 1n << 64n })).toThrow(RangeError);
    expect(() => decodeEsdbPosition('00000000000000010000000000000002x' as GlobalPosition)).toThrow(RangeError);
    expect(() => decodeEsdbPosition('0000000000000001:0000000000000002' as GlobalPosition)).toThrow(RangeError);
  });
});

describe('EventStoreDB revisions', () => {
  test('bigint revisions become numbers, refusing what a number cannot hold', () => {
    expect(revisionFromClient(0n)).toBe(0);
    expect(revisionFromClient(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => revisionFromClient(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => revisionFromClient(-1n)).toThrow(RangeError);
    expect(currentRevisionFromClient(NO_STREAM)).toBe('no_stream');
    expect(currentRevisionFromClient(7n)).toBe(7);
  });

  test.each<[ExpectedRevision, number | 'no_stream', boolean]>([
    ['any', 'no_stream', true],
    ['any', 3, true],
    ['no_stream', 'no_stream', true],
    ['no_stream', 0, false],
    ['stream_exists', 'no_stream', false],
    ['stream_exists', 0, true],
    [2, 2, true],
    [1, 2, false],
    [0, 'no_stream', false],
  ])('expected %p holds for a stream at %p: %p', (expected, actual, holds) => {
    expect(expectationHolds(expected, actual)).toBe(holds);
  });

  test('appends go to the exact state read: no stream, or a bigint revision', () => {
    expect(appendRevisionFor('no_stream')).toBe(NO_STREAM);
    expect(appendRevisionFor(4)).toBe(4n);
  });
});

describe('EventStoreDB metadata and recorded events', () => {
  test('metadata round-trips with the chain hash split off again', () => {
    const { metadata } = counterIncremented(1);
    const stored = storedMetadataOf(metadata, HASH);
    const back = readBackMetadata(JSON.parse(JSON.stringify(stored)));
    expect(back).toEqual({ ok: true, metadata, chainHash: HASH });
  });

  test('a written event carries our event id, type, data and metadata with the hash', () => {
    const [prepared] = prepareEvents(testEventRegistry, 'counter-1', [counterIncremented(2, { note: 'x' })]);
    const data = esdbEventDataOf(prepared!, HASH);
    expect(data).toMatchObject({ id: prepared!.metadata.eventId, type: 'CounterIncremented', contentType: 'application/json', data: { by: 2, note: 'x' } });
    expect(data.metadata).toEqual({ ...prepared!.metadata, chainHash: HASH });
  });

  test('data EventStoreDB cannot hold as a JSON event is refused before any I/O', () => {
    const [prepared] = prepareEvents(testEventRegistry, 'counter-1', [counterIncremented(1)]);
    expect(() => jsonDataOf({ ...prepared!, data: 42 })).toThrow(InvalidEvent);
    expect(jsonDataOf({ ...prepared!, data: ['a'] })).toEqual(['a']);
  });

  test('a recorded event maps to the port: number revision, position string, ISO recordedAt, plain metadata', () => {
    const event = counterIncremented(3);
    const recorded = recordedEventFromEsdb(esdbRecordedEvent(event, { revision: 5n, position: { commit: 10n, prepare: 11n }, chainHash: HASH }));
    expect(recorded).toEqual({
      streamId: 'counter-1',
      streamRevision: 5,
      globalPosition: encodeEsdbPosition({ commit: 10n, prepare: 11n }),
      type: 'CounterIncremented',
      data: { by: 3 },
      metadata: event.metadata,
      hash: HASH,
      recordedAt: '2026-11-28T01:00:00.000Z',
    });
    // No bigint leaves the adapter: what it returns serialises.
    expect(() => JSON.stringify(recorded)).not.toThrow();
  });

  test.each([
    ['metadata without a chain hash', { metadata: counterIncremented(1).metadata }],
    ['metadata with an unknown field', { metadata: { ...counterIncremented(1).metadata, chainHash: HASH, extra: 1 } }],
    ['metadata that is not JSON', { metadata: new Uint8Array([1, 2]) }],
    ['no metadata at all', { metadata: undefined }],
    ['a malformed chain hash', { chainHash: 'not-a-hash' }],
    ['no log position (server before 22.6)', { position: undefined }],
  ])('%s reads as CorruptEvent naming stream and revision', (_, overrides) => {
    const raw = esdbRecordedEvent(counterIncremented(1), { revision: 2n, ...overrides });
    const error = (() => {
      try {
        recordedEventFromEsdb(raw);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CorruptEvent);
    expect((error as CorruptEvent).streamRevision).toBe(2);
    expect((error as CorruptEvent).message).toContain('counter-1');
  });

  test('a binary event is corrupt for this ledger', () => {
    const json = esdbRecordedEvent(counterIncremented(1));
    const binary = { ...json, isJson: false as const, data: new Uint8Array([1]) };
    expect(() => recordedEventFromEsdb(binary)).toThrow(CorruptEvent);
  });

  test('system events and unresolved links are skipped, not mapped', () => {
    const ours = esdbRecordedEvent(counterIncremented(1));
    expect(recordedEventFromResolved({ event: { ...ours, type: '$metadata', metadata: {} } })).toBeUndefined();
    expect(recordedEventFromResolved({ event: { ...ours, streamId: '$stats-127.0.0.1:2113', metadata: {} } })).toBeUndefined();
    expect(recordedEventFromResolved({})).toBeUndefined();
    expect(recordedEventFromResolved({ event: ours })?.streamId).toBe('counter-1');
  });
});

describe('EventStoreDB client errors', () => {
  test('a wrong expected version carries our actual revision', () => {
    const behind = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 1n, current: 2n });
    const absent = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 'stream_exists', current: NO_STREAM });
    expect(isWrongExpectedVersion(behind)).toBe(true);
    expect(isWrongExpectedVersion(new Error('x'))).toBe(false);
    const mapped = wrongExpectedVersionFrom(behind, 's', 1);
    expect(mapped).toBeInstanceOf(WrongExpectedVersion);
    expect(mapped).toMatchObject({ streamId: 's', expected: 1, actual: 2 });
    expect(wrongExpectedVersionFrom(absent, 's', 'stream_exists').actual).toBe('no_stream');
  });

  test('a stream that was never written is recognised', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'counter-1'))).toBe(true);
    expect(isStreamNotFound(new Error('stream not found'))).toBe(false);
  });

  test('subscriptions come back after connection trouble, not after refusals or corruption', () => {
    expect(isTransientSubscriptionError(new UnavailableError())).toBe(true);
    expect(isTransientSubscriptionError(new Error('14 UNAVAILABLE: Connection dropped'))).toBe(true);
    expect(isTransientSubscriptionError(new AccessDeniedError())).toBe(false);
    expect(isTransientSubscriptionError(new CorruptEvent('s', 0, 'metadata'))).toBe(false);
  });
});
