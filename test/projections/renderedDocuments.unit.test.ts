import { changedDocuments } from '../../projections/shared/renderedDocuments';
import { searchTerms } from '../../projections/shared/searchTerms';

const doc = (id: string, body: unknown, keys = {}) => ({ collection: 'cases', id, keys, body });

test('only documents whose content changed are written; key order and undefined values do not count as change', () => {
  const before = [doc('a', { x: 1, y: 2 }), doc('b', { v: 1 }), doc('gone', {})];
  const after = [doc('a', { y: 2, x: 1, z: undefined }), doc('b', { v: 2 }), doc('new', { n: true })];
  expect(changedDocuments(before, after)).toEqual([
    { kind: 'put', collection: 'cases', id: 'b', keys: {}, body: { v: 2 } },
    { kind: 'put', collection: 'cases', id: 'new', keys: {}, body: { n: true } },
    { kind: 'delete', collection: 'cases', id: 'gone' },
  ]);
});

test('search terms: lower case, accents removed, split on punctuation, short words dropped', () => {
  expect(searchTerms('Jalan RUSAK di Jl. Soekarno-Hatta, déjà vu!', 'a 12')).toEqual(['jalan', 'rusak', 'di', 'jl', 'soekarno', 'hatta', 'deja', 'vu', '12']);
});
