import type { MongoDocument } from '../../projections/store/mongodb/mongoDocument';
import { WrittenDocuments } from '../../projections/store/mongodb/writtenDocuments';
import { WrittenIdFilter } from '../../projections/shared/writtenIdFilter';

const documentOf = (id: string): MongoDocument => ({ _id: `1:${id}`, generation: 1, id, keys: {}, body: { id }, lastPosition: '0001', deleted: false });
const write = (id: string) => ({ collection: 'read.p.c', document: documentOf(id) });

test('the id filter never forgets an id it was given and rarely claims one it was not', () => {
  const filter = new WrittenIdFilter();
  for (let i = 0; i < 50_000; i++) filter.add(`read.p.c\u00011:complaint-${i}`);
  let forgotten = 0;
  for (let i = 0; i < 50_000; i++) if (!filter.mightHold(`read.p.c\u00011:complaint-${i}`)) forgotten++;
  expect(forgotten).toBe(0);
  let claimed = 0;
  for (let i = 0; i < 50_000; i++) if (filter.mightHold(`read.p.c\u00011:other-${i}`)) claimed++;
  expect(claimed).toBeLessThan(5);
});

test('a complete generation knows unwritten ids absent, and asks the server about written ones it no longer holds', () => {
  const known = new WrittenDocuments('', true);
  expect(known.lookup('read.p.c', '1:never')).toBeUndefined();
  const written = Array.from({ length: WrittenDocuments.RECENT_DOCUMENTS + 10 }, (_, i) => write(`c${i}`));
  known.committed('0002', written);
  expect(known.checkpoint).toBe('0002');
  expect(known.lookup('read.p.c', '1:c0')).toBe('unknown');
  expect(known.isKnownNew(written[0]!)).toBe(false);
  expect(known.lookup('read.p.c', `1:c${WrittenDocuments.RECENT_DOCUMENTS + 9}`)).toEqual(written.at(-1)!.document);
  expect(known.lookup('read.p.c', '1:never')).toBeUndefined();
  expect(known.isKnownNew(write('never'))).toBe(true);
});

test('an incomplete generation asks the server about every id it has not seen', () => {
  const known = new WrittenDocuments('0001', false);
  expect(known.lookup('read.p.c', '1:x')).toBe('unknown');
  known.remember('read.p.c', '1:x', undefined);
  expect(known.lookup('read.p.c', '1:x')).toBeUndefined();
});
