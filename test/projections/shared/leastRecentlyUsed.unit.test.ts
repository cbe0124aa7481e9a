import { LeastRecentlyUsed } from '../../../projections/shared/leastRecentlyUsed';

test('keeps the most recently used entries, up to its capacity', () => {
  const recent = new LeastRecentlyUsed<string | undefined>(2);
  recent.set('a', 'A');
  recent.set('b', undefined);
  expect(recent.get('a')).toBe('A');
  recent.set('c', 'C');
  expect(recent.size).toBe(2);
  expect(recent.has('a')).toBe(true);
  expect(recent.has('b')).toBe(false);
  expect(recent.has('c')).toBe(true);
});

test('tells a value remembered as undefined from a key it does not hold', () => {
  const recent = new LeastRecentlyUsed<string | undefined>(2);
  recent.set('absent', undefined);
  expect(recent.has('absent')).toBe(true);
  expect(recent.has('never')).toBe(false);
  recent.delete('absent');
  expect(recent.has('absent')).toBe(false);
});
