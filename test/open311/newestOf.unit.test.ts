import fc from 'fast-check';
import { newestOf } from '../../open311/publicRequests';
import { MAX_RESULTS } from '../../open311/requestQuery';
import type { GlobalPosition } from '../../eventstore/port';
import type { DocumentQuery, Filter, Page } from '../../projections/store/documentQuery';
import type { StoredDocument } from '../../projections/store/documents';
import type { ReadModelReader } from '../../projections/store/readModelReader';

const matches = (d: StoredDocument, f: Filter): boolean => {
  const value = d.keys[f.field];
  if (f.op === 'eq') return value === f.value;
  if (f.op === 'gte') return String(value) >= String(f.value);
  if (f.op === 'lte') return String(value) <= String(f.value);
  throw new Error(`unexpected filter ${f.op}`);
};

/** A reader over an array: filters, newest first (id breaks ties), offset cursors; counts the documents it hands out. */
function arrayReader(documents: readonly StoredDocument[]) {
  let read = 0;
  const reader: ReadModelReader = {
    getDocument: async () => undefined,
    getDocumentJson: async () => undefined,
    async findDocuments<Body>(_projection: string, query: DocumentQuery): Promise<Page<Body>> {
      const found = documents
        .filter((d) => (query.where ?? []).every((f) => matches(d, f)))
        .sort((a, b) => (a.keys.submittedAt! < b.keys.submittedAt! ? 1 : a.keys.submittedAt! > b.keys.submittedAt! ? -1 : a.id < b.id ? 1 : -1));
      const from = query.cursor === undefined ? 0 : Number(query.cursor);
      const items = found.slice(from, from + query.limit);
      read += items.length;
      return { items: items as StoredDocument<Body>[], ...(from + query.limit < found.length ? { next: String(from + query.limit) } : {}) };
    },
  };
  return { reader, read: () => read };
}

const CATEGORIES = ['a', 'b', 'c', 'd'];

describe('newestOf: the merge of disjoint filters', () => {
  test('gives the newest documents of all filters together, at most MAX_RESULTS, reading little more than it gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...CATEGORIES), fc.integer({ min: 0, max: 5_000 })), { maxLength: 1_600, size: 'max' }),
        fc.subarray(CATEGORIES, { minLength: 1 }),
        async (entries, asked) => {
          const documents: StoredDocument[] = entries.map(([category, minute], index) => ({
            collection: 'complaints',
            id: `doc-${String(index).padStart(5, '0')}`,
            keys: { category, submittedAt: new Date(Date.UTC(2025, 0, 1) + minute * 60_000).toISOString() },
            body: null,
            lastPosition: '0' as GlobalPosition,
          }));
          const { reader, read } = arrayReader(documents);
          const result = await newestOf(reader, asked.map((category) => [{ field: 'category', op: 'eq', value: category }]));
          const expected = documents
            .filter((d) => asked.includes(String(d.keys.category)))
            .sort((a, b) => (a.keys.submittedAt! < b.keys.submittedAt! ? 1 : a.keys.submittedAt! > b.keys.submittedAt! ? -1 : a.id < b.id ? 1 : -1))
            .slice(0, MAX_RESULTS);
          expect(result.map((d) => d.id)).toEqual(expected.map((d) => d.id));
          expect(read()).toBeLessThanOrEqual(MAX_RESULTS + 100 * asked.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
