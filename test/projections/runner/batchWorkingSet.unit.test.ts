import type { GlobalPosition } from '../../../eventstore/port';
import { BatchWorkingSet } from '../../../projections/runner/batchWorkingSet';
import { ResidentDocuments } from '../../../projections/runner/residentDocuments';
import type { DocumentRef, StoredDocument } from '../../../projections/store/documents';
import type { ReadModelStore } from '../../../projections/store/readModelStore';

const SLOT = { projection: 'public', generation: 1 };
const position = (n: number) => String(n).padStart(4, '0') as GlobalPosition;
const stored: StoredDocument = { collection: 'counts', id: 'status:open', keys: {}, body: { count: 4 }, lastPosition: position(1) };

/** A store holding one document, counting loads. */
function storeWithOne(): { store: ReadModelStore; loads: DocumentRef[] } {
  const loads: DocumentRef[] = [];
  const store = {
    loadDocuments: async (_slot: unknown, refs: readonly DocumentRef[]) => {
      loads.push(...refs);
      return refs.filter((r) => r.collection === stored.collection && r.id === stored.id).map(() => stored);
    },
  } as Partial<ReadModelStore> as ReadModelStore;
  return { store, loads };
}

describe('BatchWorkingSet', () => {
  it("loads a document once, then answers with the batch's own changes", async () => {
    const { store, loads } = storeWithOne();
    const set = new BatchWorkingSet(store, SLOT);
    expect((await set.document(stored))?.body).toEqual({ count: 4 });
    set.apply([{ kind: 'put', collection: 'counts', id: 'status:open', keys: {}, body: { count: 5 } }], position(7));
    expect(await set.document(stored)).toEqual({ ...stored, body: { count: 5 }, lastPosition: position(7) });
    set.apply([{ kind: 'delete', collection: 'counts', id: 'status:open' }], position(8));
    expect(await set.document(stored)).toBeUndefined();
    expect(loads).toHaveLength(1);
  });

  it('a document keeps the latest position that changed it when events come out of ledger order (a rebuild stream by stream)', async () => {
    const later = { ...stored, lastPosition: position(9) };
    const fromStore = new BatchWorkingSet({ loadDocuments: async () => [later] } as Partial<ReadModelStore> as ReadModelStore, SLOT);
    await fromStore.document(later);
    fromStore.apply([{ kind: 'put', collection: 'counts', id: 'status:open', keys: {}, body: { count: 5 } }], position(5));
    expect((await fromStore.document(later))?.lastPosition).toBe(position(9));
    // Within the batch too: an earlier event applied after a later one.
    const set = new BatchWorkingSet(storeWithOne().store, SLOT);
    const put = (count: number) => ({ kind: 'put' as const, collection: 'counts', id: 'x', keys: {}, body: { count } });
    set.apply([put(1)], position(6));
    set.apply([put(2)], position(3));
    set.apply([put(3)], position(12));
    set.apply([put(4)], position(4));
    expect(set.changes).toEqual([{ ...put(4), position: position(12) }]);
  });

  it('commits only the last change of each document, stamped with its event, in the order documents were first touched', () => {
    const set = new BatchWorkingSet(storeWithOne().store, SLOT);
    const put = (id: string, count: number) => ({ kind: 'put' as const, collection: 'counts', id, keys: {}, body: { count } });
    set.apply([put('a', 1), put('b', 1)], position(2));
    set.apply([put('a', 2)], position(3));
    set.apply([{ kind: 'delete', collection: 'counts', id: 'b' }, put('c', 1)], position(4));
    expect(set.changes).toEqual([
      { ...put('a', 2), position: position(3) },
      { kind: 'delete', collection: 'counts', id: 'b', position: position(4) },
      { ...put('c', 1), position: position(4) },
    ]);
  });

  it('takes resident documents from memory instead of the store, and hands back what it read and wrote', async () => {
    const { store, loads } = storeWithOne();
    const resident = new ResidentDocuments(['counts']);
    resident.absorb([[stored, { ...stored, body: { count: 9 } }]]);
    const set = new BatchWorkingSet(store, SLOT, resident);
    expect((await set.document(stored))?.body).toEqual({ count: 9 });
    set.apply([{ kind: 'put', collection: 'counts', id: 'other', keys: {}, body: { count: 1 } }], position(5));
    expect(loads).toEqual([]);
    expect([...set.finalDocuments()].map(([ref, document]) => [ref.id, document?.body])).toEqual([
      ['status:open', { count: 9 }],
      ['other', { count: 1 }],
    ]);
  });

  it('undoes every write of work that throws, earlier writes of the batch kept; work that succeeds stays', async () => {
    const set = new BatchWorkingSet(storeWithOne().store, SLOT);
    const put = (id: string, count: number) => ({ kind: 'put' as const, collection: 'counts', id, keys: {}, body: { count } });
    set.apply([put('a', 1)], position(2));
    await expect(
      set.tentatively(async () => {
        set.apply([put('a', 2), put('b', 1)], position(3));
        set.apply([put('a', 3)], position(4));
        throw new Error('an aggregate failed');
      }),
    ).rejects.toThrow('an aggregate failed');
    expect(set.changes).toEqual([{ ...put('a', 1), position: position(2) }]);
    expect((await set.document(stored))?.body).toEqual({ count: 4 });

    await set.tentatively(async () => set.apply([put('b', 5)], position(6)));
    expect(set.changes).toEqual([
      { ...put('a', 1), position: position(2) },
      { ...put('b', 5), position: position(6) },
    ]);
  });
});
