import { createWorkingDayCalendar } from '../../../domain/calendar';

// Every expected date below was read off the SKB 3 Menteri lists and a printed calendar,
// not computed by the code under test. "+N" means addWorkingDays(instant, N).
const calendar = createWorkingDayCalendar();
const endOf = (date: string): string => `${date}T23:59:59.999+07:00`;

describe('Idul Fitri and cuti bersama weeks', () => {
  it('2024: 8-9 Apr cuti, 10-11 Apr Idul Fitri 1445 H, 12 and 15 Apr cuti', () => {
    for (const date of ['2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12', '2024-04-15']) {
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
    expect(calendar.isWorkingDay('2024-04-05')).toBe(true);
    expect(calendar.isWorkingDay('2024-04-16')).toBe(true);
    // Friday 5 Apr + 3 (verification): Tue 16, Wed 17, Thu 18.
    expect(calendar.addWorkingDays('2024-04-05T10:00:00+07:00', 3)).toBe(endOf('2024-04-18'));
    expect(calendar.workingDaysBetween('2024-04-05T10:00:00+07:00', '2024-04-16T09:00:00+07:00')).toBe(1);
  });

  it('2025: 28 Mar cuti Nyepi, 29 Mar Nyepi, 31 Mar-1 Apr Idulfitri 1446 H, 2-4 and 7 Apr cuti', () => {
    for (const date of ['2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07']) {
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
    // Thursday 27 Mar + 5 (agency follow-up): Tue 8, Wed 9, Thu 10, Fri 11, Mon 14 Apr.
    expect(calendar.addWorkingDays('2025-03-27T09:00:00+07:00', 5)).toBe(endOf('2025-04-14'));
    expect(calendar.workingDaysBetween('2025-03-27T09:00:00+07:00', '2025-04-08T09:00:00+07:00')).toBe(1);
  });

  it('2026: 18 Mar cuti Nyepi, 19 Nyepi, 20 cuti, 21-22 Idulfitri 1447 H, 23-24 cuti', () => {
    for (const date of ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']) {
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-03-25')).toBe(true);
    // Tuesday 17 Mar + 3: Wed 25, Thu 26, Fri 27.
    expect(calendar.addWorkingDays('2026-03-17T14:00:00+07:00', 3)).toBe(endOf('2026-03-27'));
    // Monday 16 Mar + 10 (reporter reply window): 17, 25, 26, 27, 30, 31 Mar, 1, 2 Apr,
    // (3 Apr Wafat Yesus Kristus), 6, 7 Apr.
    expect(calendar.addWorkingDays('2026-03-16T08:00:00+07:00', 10)).toBe(endOf('2026-04-07'));
  });
});

describe('year boundaries', () => {
  it('Christmas 2024 and cuti bersama 26 Dec, then New Year 2025', () => {
    expect(calendar.isWorkingDay('2024-12-25')).toBe(false);
    expect(calendar.isWorkingDay('2024-12-26')).toBe(false);
    expect(calendar.isWorkingDay('2024-12-27')).toBe(true);
    // Tuesday 24 Dec + 3: Fri 27, Mon 30, Tue 31; + 4 skips 1 Jan to Thu 2 Jan 2025.
    expect(calendar.addWorkingDays('2024-12-24T10:00:00+07:00', 3)).toBe(endOf('2024-12-31'));
    expect(calendar.addWorkingDays('2024-12-24T10:00:00+07:00', 4)).toBe(endOf('2025-01-02'));
    expect(calendar.addWorkingDays('2024-12-31T16:00:00+07:00', 1)).toBe(endOf('2025-01-02'));
  });

  it('Christmas 2025 (25 Dec, cuti 26 Dec) into 2026', () => {
    expect(calendar.addWorkingDays('2025-12-24T10:00:00+07:00', 1)).toBe(endOf('2025-12-29'));
    // 29, 30, 31 Dec, (1 Jan), 2 Jan.
    expect(calendar.workingDaysBetween('2025-12-24T10:00:00+07:00', '2026-01-02T10:00:00+07:00')).toBe(4);
  });

  it('cuti bersama 24 Dec 2026 before Christmas, and 31 Dec 2026 into 2027', () => {
    expect(calendar.isWorkingDay('2026-12-24')).toBe(false);
    expect(calendar.addWorkingDays('2026-12-23T10:00:00+07:00', 1)).toBe(endOf('2026-12-28'));
    // Thursday 31 Dec + 1: Friday 1 Jan 2027 is New Year, so Monday 4 Jan.
    expect(calendar.addWorkingDays('2026-12-31T10:00:00+07:00', 1)).toBe(endOf('2027-01-04'));
  });

  it("counts January 2025 from New Year's Eve: 23 weekdays minus 1, 27, 28 and 29 Jan", () => {
    // 1 Jan Tahun Baru, 27 Jan Isra Mikraj, 28 Jan cuti Imlek, 29 Jan Imlek.
    expect(calendar.workingDaysBetween('2024-12-31T10:00:00+07:00', '2025-01-31T10:00:00+07:00')).toBe(19);
    expect(calendar.workingDaysBetween('2025-01-31T10:00:00+07:00', '2024-12-31T10:00:00+07:00')).toBe(-19);
  });
});

describe('Jakarta time, whatever the offset of the instant', () => {
  it('17:30 UTC on Thu 4 Apr 2024 is already Fri 5 Apr in Jakarta', () => {
    // Counting from the UTC date (4 Apr) would give 5, 16, 17 Apr; from Jakarta's 5 Apr: 16, 17, 18.
    expect(calendar.addWorkingDays('2024-04-04T17:30:00Z', 3)).toBe(endOf('2024-04-18'));
  });

  it('17:30 UTC on 9 Apr 2024 is 10 Apr, Idul Fitri, in Jakarta: counting starts after the holiday', () => {
    expect(calendar.addWorkingDays('2024-04-09T17:30:00Z', 1)).toBe(endOf('2024-04-16'));
  });

  it('Monday 6 Jan 2025 16:59:59Z is Monday in Jakarta, 17:00:00Z is Tuesday', () => {
    expect(calendar.addWorkingDays('2025-01-06T16:59:59Z', 1)).toBe(endOf('2025-01-07'));
    expect(calendar.addWorkingDays('2025-01-06T17:00:00Z', 1)).toBe(endOf('2025-01-08'));
    expect(calendar.workingDaysBetween('2025-01-06T16:59:59.999Z', '2025-01-06T17:00:00Z')).toBe(1);
    // The same instant as 17:00Z, written at UTC-5.
    expect(calendar.addWorkingDays('2025-01-06T12:00:00-05:00', 1)).toBe(endOf('2025-01-08'));
  });

  it('a deadline is the end of the Jakarta day, and counting from it is exact', () => {
    const deadline = calendar.addWorkingDays('2025-01-06T08:00:00+07:00', 2);
    expect(deadline).toBe(endOf('2025-01-08'));
    expect(calendar.workingDaysBetween('2025-01-06T08:00:00+07:00', deadline)).toBe(2);
  });
});

describe('weekends', () => {
  it('Friday + 1 is Monday; Saturday and Sunday count from Monday', () => {
    expect(calendar.isWorkingDay('2025-01-11')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-12')).toBe(false);
    expect(calendar.addWorkingDays('2025-01-10T09:00:00+07:00', 1)).toBe(endOf('2025-01-13'));
    expect(calendar.addWorkingDays('2025-01-11T09:00:00+07:00', 1)).toBe(endOf('2025-01-13'));
    expect(calendar.addWorkingDays('2025-01-12T23:00:00+07:00', 1)).toBe(endOf('2025-01-13'));
    expect(calendar.workingDaysBetween('2025-01-11T09:00:00+07:00', '2025-01-12T09:00:00+07:00')).toBe(0);
    expect(calendar.workingDaysBetween('2025-01-10T09:00:00+07:00', '2025-01-13T09:00:00+07:00')).toBe(1);
  });

  it('days = 0 is the end of the same Jakarta day, even on a weekend', () => {
    expect(calendar.addWorkingDays('2025-01-11T09:00:00+07:00', 0)).toBe(endOf('2025-01-11'));
  });
});

describe('Easter: Good Friday and Easter Sunday', () => {
  it('2024: Wafat Isa Al Masih Fri 29 Mar, Paskah Sun 31 Mar', () => {
    expect(calendar.isWorkingDay('2024-03-29')).toBe(false);
    expect(calendar.isWorkingDay('2024-03-31')).toBe(false);
    expect(calendar.addWorkingDays('2024-03-28T10:00:00+07:00', 1)).toBe(endOf('2024-04-01'));
  });

  it('2025: Wafat Yesus Kristus Fri 18 Apr, Paskah Sun 20 Apr', () => {
    expect(calendar.isWorkingDay('2025-04-18')).toBe(false);
    expect(calendar.isWorkingDay('2025-04-20')).toBe(false);
    expect(calendar.addWorkingDays('2025-04-17T10:00:00+07:00', 1)).toBe(endOf('2025-04-21'));
  });

  it('2026: Wafat Yesus Kristus Fri 3 Apr, Paskah Sun 5 Apr', () => {
    expect(calendar.isWorkingDay('2026-04-03')).toBe(false);
    expect(calendar.workingDaysBetween('2026-04-02T10:00:00+07:00', '2026-04-06T10:00:00+07:00')).toBe(1);
  });
});

describe('the SKB table wins over the library', () => {
  it('uses the decreed lunar dates, not the computed ones', () => {
    // SKB 2024: Maulid Nabi on Mon 16 Sep (the library says Sun 15 Sep).
    expect(calendar.isWorkingDay('2024-09-16')).toBe(false);
    // SKB 2025: 1 Muharam on Fri 27 Jun; the library's Thu 26 Jun is a working day.
    expect(calendar.isWorkingDay('2025-06-27')).toBe(false);
    expect(calendar.isWorkingDay('2025-06-26')).toBe(true);
  });

  it('knows the ad hoc days: election days 2024 and cuti bersama 18 Aug 2025', () => {
    expect(calendar.isWorkingDay('2024-02-14')).toBe(false);
    expect(calendar.isWorkingDay('2024-11-27')).toBe(false);
    expect(calendar.isWorkingDay('2025-08-18')).toBe(false);
  });

  it('falls back to the library for a year without an SKB table (2027 Idul Fitri, computed)', () => {
    expect(calendar.isWorkingDay('2027-03-09')).toBe(false);
  });
});

describe('overrides', () => {
  it('an added holiday stops the clock', () => {
    const withExtraDay = createWorkingDayCalendar({
      add: [{ date: '2026-11-04', name: 'Hari Libur Tambahan', kind: 'libur_nasional', decree: 'Keppres (contoh)' }],
    });
    expect(calendar.isWorkingDay('2026-11-04')).toBe(true);
    expect(withExtraDay.isWorkingDay('2026-11-04')).toBe(false);
    // Tuesday 3 Nov + 1: Wed 4 is now a holiday, so Thu 5.
    expect(withExtraDay.addWorkingDays('2026-11-03T10:00:00+07:00', 1)).toBe(endOf('2026-11-05'));
  });

  it('a removed date is a working day again: an SKB day and a library day', () => {
    const withRemovals = createWorkingDayCalendar({ remove: ['2025-08-18', '2027-03-09'] });
    expect(withRemovals.isWorkingDay('2025-08-18')).toBe(true);
    expect(withRemovals.isWorkingDay('2027-03-09')).toBe(true);
    // Friday 15 Aug 2025 + 1: Mon 18 now counts.
    expect(withRemovals.addWorkingDays('2025-08-15T10:00:00+07:00', 1)).toBe(endOf('2025-08-18'));
    expect(calendar.addWorkingDays('2025-08-15T10:00:00+07:00', 1)).toBe(endOf('2025-08-19'));
  });

  it('removing a weekend date does not make it a working day', () => {
    expect(createWorkingDayCalendar({ remove: ['2024-03-31'] }).isWorkingDay('2024-03-31')).toBe(false);
  });

  it('a year table from configuration replaces the checked-in one, and can drop library dates', () => {
    const with2027Skb = createWorkingDayCalendar({
      years: [
        {
          year: 2027,
          complete: false,
          sources: ['test table'],
          readFrom: [],
          holidays: [{ date: '2027-03-11', name: 'Cuti Bersama (contoh)', kind: 'cuti_bersama', decree: 'SKB (contoh)' }],
          notHolidays: [{ date: '2027-03-09', reason: 'the decree sets Idulfitri a day later' }],
        },
      ],
    });
    expect(with2027Skb.isWorkingDay('2027-03-09')).toBe(true);
    expect(with2027Skb.isWorkingDay('2027-03-11')).toBe(false);
  });

  it('rejects contradictory or malformed overrides', () => {
    expect(() => createWorkingDayCalendar({ remove: ['2025-02-30'] })).toThrow();
    expect(() =>
      createWorkingDayCalendar({
        add: [{ date: '2025-02-03', name: 'x', kind: 'libur_nasional', decree: 'y' }],
        remove: ['2025-02-03'],
      }),
    ).toThrow(/both added and removed/);
  });
});

describe('bad input is a RangeError, never a guess', () => {
  it.each([
    ['no offset (would be read in the machine TZ)', '2025-01-06T10:00:00'],
    ['date only', '2025-01-06'],
    ['impossible date', '2025-02-29T10:00:00Z'],
    ['hour 24', '2025-01-06T24:00:00Z'],
  ])('%s', (_why, instant) => {
    expect(() => calendar.addWorkingDays(instant, 1)).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween(instant, '2025-01-06T10:00:00Z')).toThrow(RangeError);
  });

  it('rejects negative or fractional day counts and malformed dates', () => {
    expect(() => calendar.addWorkingDays('2025-01-06T10:00:00Z', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-01-06T10:00:00Z', 1.5)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2025-1-6')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2025-13-01')).toThrow(RangeError);
  });
});
