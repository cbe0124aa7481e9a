import type { CollectionSpec } from '../../projections/store/collectionSpec';
import { decodeBody, encodeBody } from '../../projections/store/mongodb/bodyCodec';
import { databaseNameOf } from '../../projections/store/mongodb/databaseNameOf';
import { mongoFind } from '../../projections/store/mongodb/mongoQuery';
import { encodeCursor } from '../../projections/store/pageCursor';

const spec: CollectionSpec = {
  name: 'cases',
  fields: { agencyId: 'string', open: 'boolean', count: 'number', terms: 'strings' },
  indexes: [{ equals: ['agencyId'], orderBy: 'count' }],
};

test('typed filters, keyset cursor reversed for descending order, page size bounded', () => {
  const find = mongoFind(spec, 3, {
    collection: 'cases',
    where: [
      { field: 'agencyId', op: 'eq', value: 'a/b' },
      { field: 'terms', op: 'containsAll', value: ['x'] },
    ],
    orderBy: { field: 'count', direction: 'desc' },
    limit: 10_000,
    cursor: encodeCursor([5, 'id-9']),
  });
  expect(find.filter).toEqual({
    $and: [
      { generation: 3 },
      { deleted: false },
      { 'keys.agencyId': { $eq: 'a/b' } },
      { 'keys.terms': { $all: ['x'] } },
      { $or: [{ 'keys.count': { $lt: 5 } }, { 'keys.count': 5, id: { $lt: 'id-9' } }] },
    ],
  });
  expect(find.sort).toEqual({ 'keys.count': -1, id: -1 });
  expect(find.pageSize).toBe(500);
  expect(find.limit).toBe(501);
  expect(() => mongoFind(spec, 1, { collection: 'cases', where: [{ field: 'open', op: 'eq', value: 'yes' }], orderBy: { field: 'count', direction: 'asc' }, limit: 1 })).toThrow();
  expect(() => mongoFind(spec, 1, { collection: 'cases', orderBy: { field: 'open', direction: 'asc' }, limit: 1 })).toThrow();
});

test('bodies go in as JSON text, also those MongoDB could not hold as they are, and read back exactly', () => {
  const plain = { title: 'a.b $x', counts: [1, 2], nested: { agency: 'kemenkes/1' } };
  for (const body of [plain, { 'region.31': 1 }, { $where: 'x' }, { text: 'a\u0000b' }, { text: 'lone \ud800' }, { at: new Date(0) }, null]) {
    const encoded = encodeBody(body);
    expect(encoded).toHaveProperty('bodyJson');
    expect(decodeBody(encoded)).toEqual(JSON.parse(JSON.stringify(body)));
  }
  expect(decodeBody({ body: plain })).toEqual(plain);
});

test('the database is the one the URL names, else the schema', () => {
  expect(databaseNameOf('mongodb://h:1/?directConnection=true', 'lapor')).toBe('lapor');
  expect(databaseNameOf('mongodb://u:p@h:1/reads?x=1', 'lapor')).toBe('reads');
  expect(databaseNameOf('mongodb+srv://h', 'lapor')).toBe('lapor');
});
