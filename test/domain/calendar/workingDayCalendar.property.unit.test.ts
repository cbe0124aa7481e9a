import fc from 'fast-check';
import { createWorkingDayCalendar } from '../../../domain/calendar';

const calendar = createWorkingDayCalendar();
const NUM_RUNS = 1000;

const FROM = Date.UTC(2023, 0, 1);
const TO = Date.UTC(2028, 11, 31);
const OFFSETS_MINUTES = [0, 7 * 60, 9 * 60, -5 * 60, 5 * 60 + 30, -(9 * 60 + 30)];

/** An instant anywhere in 2023-2028, written with one of several offsets. */
const instantArbitrary = fc
  .tuple(fc.integer({ min: FROM, max: TO }), fc.constantFrom(...OFFSETS_MINUTES))
  .map(([epochMs, offsetMinutes]) => formatWithOffset(epochMs, offsetMinutes));

function formatWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The Jakarta date of an instant, computed independently of the code under test. */
function jakartaDateOf(instant: string): string {
  return new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe(`working-day properties (${NUM_RUNS} runs each)`, () => {
  it('addWorkingDays(x, n) lands on a working day and is exactly n working days after x', () => {
    fc.assert(
      fc.property(instantArbitrary, fc.integer({ min: 1, max: 300 }), (instant, n) => {
        const deadline = calendar.addWorkingDays(instant, n);
        expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\.999\+07:00$/);
        expect(calendar.isWorkingDay(deadline.slice(0, 10))).toBe(true);
        expect(calendar.workingDaysBetween(instant, deadline)).toBe(n);
        expect(Date.parse(deadline)).toBeGreaterThan(Date.parse(instant));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with a day-by-day walk over isWorkingDay', () => {
    fc.assert(
      fc.property(instantArbitrary, fc.integer({ min: 1, max: 40 }), (instant, n) => {
        let date = jakartaDateOf(instant);
        for (let counted = 0; counted < n; ) {
          date = nextDate(date);
          if (calendar.isWorkingDay(date)) counted++;
        }
        expect(calendar.addWorkingDays(instant, n)).toBe(`${date}T23:59:59.999+07:00`);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('workingDaysBetween is antisymmetric and zero within one Jakarta day', () => {
    fc.assert(
      fc.property(instantArbitrary, instantArbitrary, (a, b) => {
        const forward = calendar.workingDaysBetween(a, b);
        const backward = calendar.workingDaysBetween(b, a);
        expect(forward + backward).toBe(0);
        expect(Object.is(backward, -0)).toBe(false);
        expect(calendar.workingDaysBetween(a, calendar.addWorkingDays(a, 0))).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
