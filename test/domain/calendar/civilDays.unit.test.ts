import fc from 'fast-check';
import {
  civilFromEpochDay,
  epochDayFromIsoDate,
  isoDateFromEpochDay,
  weekdayOfEpochDay,
} from '../../../domain/calendar/civilDays';

describe('civil day arithmetic (integer only, no Date, no TZ)', () => {
  it('agrees with Date.UTC for every day from 1900 to 2999 (sampled, 1000 runs)', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2999, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (epochDay) => {
        const viaDate = new Date(epochDay * 86_400_000);
        expect(isoDateFromEpochDay(epochDay)).toBe(viaDate.toISOString().slice(0, 10));
        expect(weekdayOfEpochDay(epochDay)).toBe(viaDate.getUTCDay());
        expect(epochDayFromIsoDate(isoDateFromEpochDay(epochDay))).toBe(epochDay);
      }),
      { numRuns: 1000 },
    );
  });

  it('knows leap days', () => {
    expect(civilFromEpochDay(epochDayFromIsoDate('2024-02-29'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => epochDayFromIsoDate('2100-02-29')).toThrow(RangeError);
    expect(isoDateFromEpochDay(epochDayFromIsoDate('2000-02-28') + 1)).toBe('2000-02-29');
  });
});

describe('the machine time zone does not matter', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Jakarta'])('same answers under TZ=%s', (tz) => {
    process.env.TZ = tz;
    jest.isolateModules(() => {
      // A fresh module graph, so date-holidays is evaluated under this TZ too.
      const fresh = require('../../../domain/calendar') as typeof import('../../../domain/calendar');
      const calendar = fresh.createWorkingDayCalendar();
      expect(calendar.addWorkingDays('2025-01-06T16:59:59Z', 1)).toBe('2025-01-07T23:59:59.999+07:00');
      expect(calendar.addWorkingDays('2024-04-05T10:00:00+07:00', 3)).toBe('2024-04-18T23:59:59.999+07:00');
      // 2027 comes from the library: Nyepi 8 March, Idul Fitri (computed) 9-10 March.
      expect(calendar.isWorkingDay('2027-03-09')).toBe(false);
      expect(calendar.isWorkingDay('2027-03-11')).toBe(true);
    });
  });
});
