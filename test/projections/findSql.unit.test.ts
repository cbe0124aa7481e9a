import type { CollectionSpec } from '../../projections/store/collectionSpec';
import { decodeCursor, encodeCursor, InvalidCursor } from '../../projections/store/pageCursor';
import { findSql } from '../../projections/store/postgres/findSql';

const spec: CollectionSpec = {
  name: 'cases',
  fields: { agencyId: 'string', open: 'boolean', count: 'number', terms: 'strings' },
  indexes: [{ equals: ['agencyId'], orderBy: 'count' }],
};

test('typed filters, keyset cursor reversed for descending order, page size bounded', () => {
  const sql = findSql('lapor', 'agency', spec, {
    collection: 'cases',
    where: [
      { field: 'agencyId', op: 'eq', value: 'a' },
      { field: 'open', op: 'eq', value: true },
      { field: 'count', op: 'gte', value: 2 },
      { field: 'terms', op: 'containsAll', value: ['x'] },
    ],
    orderBy: { field: 'count', direction: 'desc' },
    limit: 10_000,
    cursor: encodeCursor([5, 'a/1']),
  });
  expect(sql.text).toContain(`((keys->>'agencyId') COLLATE "C") = $2::text`);
  expect(sql.text).toContain(`((keys->>'open')::boolean) = $3::boolean`);
  expect(sql.text).toContain(`((keys->>'count')::numeric) >= $4::numeric`);
  expect(sql.text).toContain(`(keys->'terms') @> $5::jsonb`);
  expect(sql.text).toContain(`(((keys->>'count')::numeric), id) < ($6::numeric, $7::text)`);
  expect(sql.text).toContain('ORDER BY ((keys->>\'count\')::numeric) DESC, id DESC');
  // The collection as literals, as in its partial indexes, so a reused (generic) plan can pick one.
  expect(sql.text).toContain(`WHERE projection = 'agency' AND collection = 'cases'`);
  expect(sql.params).toEqual(['agency', 'a', true, 2, '["x"]', 5, 'a/1', 501]);
  expect(sql.pageSize).toBe(500);
});

test('undeclared fields, wrong value types and foreign cursors are refused', () => {
  const query = { collection: 'cases', orderBy: { field: 'count', direction: 'asc' as const }, limit: 5 };
  expect(() => findSql('lapor', 'agency', spec, { ...query, where: [{ field: 'secret', op: 'eq', value: 'x' }] })).toThrow('not declared');
  expect(() => findSql('lapor', 'agency', spec, { ...query, where: [{ field: 'count', op: 'eq', value: 'x' }] })).toThrow('cannot take');
  expect(() => findSql('lapor', 'agency', spec, { ...query, where: [{ field: 'agencyId', op: 'eq', value: "a'; DROP TABLE x; --" }] })).not.toThrow();
  expect(() => findSql('lapor', 'agency', spec, { ...query, orderBy: { field: 'open', direction: 'asc' } })).toThrow('cannot order by');
  expect(() => decodeCursor('not-a-cursor')).toThrow(InvalidCursor);
  expect(decodeCursor(encodeCursor(['2025-03-03T02:00:00.000Z', 'x']))).toEqual(['2025-03-03T02:00:00.000Z', 'x']);
});
