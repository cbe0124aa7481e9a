import type { GlobalPosition } from '../../eventstore/port';
import { putsJson } from '../../projections/store/postgres/documentsJson';

const position = '0000000001-0000000002' as GlobalPosition;

describe('putsJson', () => {
  test('writes each put as the row jsonb_to_recordset reads, undefined members left out', () => {
    const text = putsJson([{ kind: 'put', collection: 'complaints', id: 'LPR-1$', keys: { listed: true, terms: ['a'] }, body: { title: 'Jalan "rusak"', note: undefined }, position }]);
    expect(JSON.parse(text)).toEqual([{ collection: 'complaints', id: 'LPR-1$', keys: { listed: true, terms: ['a'] }, body: { title: 'Jalan "rusak"' }, position }]);
  });

  test('the same body object put by two projections reads back the same in both rows', () => {
    const body = { complaint: { status: 'submitted' }, reporter: null };
    const put = { kind: 'put' as const, collection: 'complaint_state', id: 'c1', keys: {}, body, position };
    const [first, second] = JSON.parse(putsJson([put, { ...put, id: 'c2' }])) as { id: string; body: unknown }[];
    expect(first).toMatchObject({ id: 'c1', body: { complaint: { status: 'submitted' }, reporter: null } });
    expect(second).toMatchObject({ id: 'c2', body: { complaint: { status: 'submitted' }, reporter: null } });
  });
});
