import Holidays from 'date-holidays';

/**
 * Indonesian public holidays as computed by the date-holidays package (type 'public' only:
 * no cuti bersama). Its Islamic and lunar dates are computed, not decreed, and its fixed
 * Nyepi/Waisak dates end in 2027, so it is the fallback for years without an SKB table.
 * The results do not depend on the machine's TZ: date-holidays evaluates the ID rules in
 * Asia/Jakarta and we only read the local 'YYYY-MM-DD' part of `date`.
 */
let indonesia: Holidays | undefined;
const byYear = new Map<number, readonly string[]>();

export function libraryPublicHolidayDates(year: number): readonly string[] {
  const cached = byYear.get(year);
  if (cached !== undefined) return cached;
  indonesia ??= new Holidays('ID');
  const prefix = `${year}-`;
  const dates = indonesia
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10))
    .filter((date) => date.startsWith(prefix));
  byYear.set(year, dates);
  return dates;
}
