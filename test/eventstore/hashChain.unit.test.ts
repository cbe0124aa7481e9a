import fc from 'fast-check';
import { canonicalJson } from '../../eventstore/canonicalJson';
import { canonicalEventForm, canonicalEventFormOf } from '../../eventstore/hashChain';
import type { EventMetadata } from '../../eventstore/metadata';

const metadata: EventMetadata = {
  eventId: '0b7e1b2e-3c4d-5e6f-8a9b-0c1d2e3f4a5b',
  actor: { id: 'citizen-1', role: 'reporter' },
  channel: 'web',
  correlationId: 'req-1',
  causationId: 'req-1',
  occurredAt: '2026-11-29T01:00:00.000Z',
  schemaVersion: 1,
};

describe('the canonical form an event hash is taken over', () => {
  test('is the canonical JSON of { streamId, type, data, metadata }, also when built from data and metadata serialised beforehand (500 runs)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.jsonValue(), (streamId, type, data) => {
        const whole = canonicalJson({ streamId, type, data, metadata });
        expect(canonicalEventForm({ streamId, type, data, metadata })).toBe(whole);
        expect(canonicalEventFormOf(streamId, type, canonicalJson(data), canonicalJson(metadata))).toBe(whole);
      }),
      { numRuns: 500 },
    );
  });
});
