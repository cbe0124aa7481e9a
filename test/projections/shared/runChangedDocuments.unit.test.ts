import fc from 'fast-check';
import { changedDocuments, runChangedDocuments, type RenderedDocument } from '../../../projections/shared/renderedDocuments';
import { refKey, type DocumentChange } from '../../../projections/store/documents';

type Stored = Map<string, { body: unknown; keys: unknown; at: number }>;

/** The documents a store holds after `changes` made at event `at`. */
function applied(stored: Stored, changes: readonly DocumentChange[], at: number): void {
  for (const change of changes) {
    if (change.kind === 'delete') stored.delete(refKey(change));
    else stored.set(refKey(change), { body: change.body, keys: change.keys, at });
  }
}

const storedFrom = (documents: readonly RenderedDocument[]): Stored => new Map(documents.map((d) => [refKey(d), { body: d.body, keys: d.keys, at: 0 }]));

/** A complaint's documents in one state: a few ids, each present or not, with bodies from a small set so that states often repeat. */
const renderedState = fc
  .uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), status: fc.constantFrom('open', 'closed'), note: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }) }), { selector: (d) => d.id, maxLength: 4 })
  .map((docs) => docs.map(({ id, status, note }): RenderedDocument => ({ collection: 'cases', id, keys: { status }, body: { status, note } })));

describe('runChangedDocuments: a run of events rendered at once', () => {
  test('leaves the store as changedDocuments applied event by event would: the same documents, each dated by the last event that changed it', () => {
    fc.assert(
      fc.property(fc.array(renderedState, { minLength: 2, maxLength: 8 }), (states) => {
        const events = states.length - 1;
        const oneByOne = storedFrom(states[0]!);
        for (let event = 1; event <= events; event++) applied(oneByOne, changedDocuments(states[event - 1]!, states[event]!), event);
        const atOnce = storedFrom(states[0]!);
        for (const { change, event } of runChangedDocuments(events, (index) => states[index]!)) applied(atOnce, [change], event);
        expect(atOnce).toEqual(oneByOne);
      }),
      { numRuns: 2000 },
    );
  });

  test('a document every event changes takes the renders of the last two states and the one before the run, not one per event', () => {
    const rendered: number[] = [];
    const stateAt = (index: number): RenderedDocument[] => {
      rendered.push(index);
      return [{ collection: 'cases', id: 'c1', keys: {}, body: { updatedAt: index } }];
    };
    expect(runChangedDocuments(6, stateAt)).toEqual([{ change: { kind: 'put', collection: 'cases', id: 'c1', keys: {}, body: { updatedAt: 6 } }, event: 6 }]);
    expect(rendered.sort()).toEqual([0, 5, 6]);
  });

  test('a document that stopped changing is dated by the event that last changed it, rendering back only that far', () => {
    const rendered: number[] = [];
    const stateAt = (index: number): RenderedDocument[] => {
      rendered.push(index);
      return index === 0 ? [] : [{ collection: 'cases', id: 'c1', keys: {}, body: { stage: Math.min(index, 4) } }];
    };
    expect(runChangedDocuments(6, stateAt)).toEqual([{ change: { kind: 'put', collection: 'cases', id: 'c1', keys: {}, body: { stage: 4 } }, event: 4 }]);
    expect(rendered.sort()).toEqual([0, 3, 4, 5, 6]);
  });
});
