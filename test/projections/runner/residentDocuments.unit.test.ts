import type { GlobalPosition } from '../../../eventstore/port';
import { ResidentDocuments } from '../../../projections/runner/residentDocuments';
import type { StoredDocument } from '../../../projections/store/documents';

const count = (id: string, value: number): StoredDocument => ({ collection: 'counts', id, keys: {}, body: { value }, lastPosition: '1' as GlobalPosition });
const ref = (id: string) => ({ collection: 'counts', id });

describe('ResidentDocuments', () => {
  it('keeps only documents of its collections, and forgets the least recently used beyond its capacity', () => {
    const resident = new ResidentDocuments(['counts'], 2);
    resident.absorb([
      [ref('a'), count('a', 1)],
      [ref('b'), count('b', 2)],
      [{ collection: 'complaints', id: 'x' }, undefined],
    ]);
    expect(resident.holds({ collection: 'complaints', id: 'x' })).toBe(false);
    expect(resident.get(ref('a'))?.body).toEqual({ value: 1 });
    resident.absorb([[ref('c'), count('c', 3)]]);
    // b was used least recently (a was just read).
    expect([resident.holds(ref('a')), resident.holds(ref('b')), resident.holds(ref('c'))]).toEqual([true, false, true]);
  });

  it('knows, for a generation started empty, that a document it never kept is absent, but not one it forgot', () => {
    const resident = new ResidentDocuments(['counts'], 1);
    resident.startEmpty();
    expect(resident.holds(ref('new'))).toBe(true);
    expect(resident.get(ref('new'))).toBeUndefined();
    resident.absorb([[ref('a'), count('a', 1)]]);
    resident.absorb([[ref('b'), count('b', 2)]]);
    // a is in the store but no longer in memory: the store must be asked.
    expect(resident.holds(ref('a'))).toBe(false);
    expect(resident.holds({ collection: 'complaints', id: 'new' })).toBe(false);
  });

  it('after clear, knows nothing: neither documents nor which are absent', () => {
    const resident = new ResidentDocuments(['counts']);
    resident.startEmpty();
    resident.absorb([[ref('a'), count('a', 1)]]);
    resident.clear();
    expect(resident.holds(ref('a'))).toBe(false);
    expect(resident.holds(ref('new'))).toBe(false);
  });
});
