import { windowOf, RequestsQuery } from '../../open311/requestQuery';
import { open311StatusOf } from '../../open311/serviceRequest';
import { w3cJakarta } from '../../open311/w3cDateTime';

describe('Open311 pure parts', () => {
  test('our statuses: resolved and closed are closed, every other one is open', () => {
    const closed = ['resolved', 'closed'] as const;
    const open = ['submitted', 'awaiting_information', 'on_hold', 'returned_to_admin', 'disposed', 'in_progress'] as const;
    for (const status of closed) expect(open311StatusOf(status)).toBe('closed');
    for (const status of open) expect(open311StatusOf(status)).toBe('open');
  });

  test('the date window: the last 90 days by default; 90 days from a start or up to an end', () => {
    const now = new Date('2025-03-03T02:00:00Z');
    expect(windowOf({}, now)).toEqual({ from: new Date('2024-12-03T02:00:00Z'), to: now });
    expect(windowOf({ start_date: '2025-01-01T00:00:00+07:00' }, now)).toEqual({ from: new Date('2024-12-31T17:00:00Z'), to: new Date('2025-03-31T17:00:00Z') });
    expect(windowOf({ end_date: '2025-02-01T00:00:00Z' }, now)).toEqual({ from: new Date('2024-11-03T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') });
    expect(windowOf({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-02T00:00:00Z' }, now)).toEqual({ from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-01-02T00:00:00Z') });
  });

  test('exactly 90 days apart is allowed, a second more is not', () => {
    expect(RequestsQuery.safeParse({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-01T00:00:00Z' }).success).toBe(true);
    expect(RequestsQuery.safeParse({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-01T00:00:01Z' }).success).toBe(false);
  });

  test('comma lists are read item by item, each once', () => {
    const parsed = RequestsQuery.parse({ status: 'open,closed,open', service_code: 'kesehatan, infrastruktur' });
    expect(parsed.status).toEqual(['open', 'closed']);
    expect(parsed.service_code).toEqual(['kesehatan', 'infrastruktur']);
    expect(RequestsQuery.safeParse({ service_code: 'kesehatan,jalan-rusak' }).success).toBe(false);
  });

  test('datetimes are written in Jakarta time with their offset', () => {
    expect(w3cJakarta('2025-03-03T02:00:00.123Z')).toBe('2025-03-03T09:00:00+07:00');
    expect(w3cJakarta('2025-03-03T23:30:00+07:00')).toBe('2025-03-03T23:30:00+07:00');
    expect(w3cJakarta('2025-12-31T20:00:00Z')).toBe('2026-01-01T03:00:00+07:00');
  });
});
