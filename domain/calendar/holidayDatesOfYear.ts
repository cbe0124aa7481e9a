import type { CalendarOverrides } from './calendarOverrides';
import type { HolidayYearTable } from './holidayTable';
import { libraryPublicHolidayDates } from './libraryHolidays';

/**
 * Every holiday and cuti bersama date of one year ('YYYY-MM-DD'), resolved by precedence:
 * library < checked-in table (a complete table replaces the library) < overrides.
 */
export function holidayDatesOfYear(
  year: number,
  checkedIn: ReadonlyMap<number, HolidayYearTable>,
  overrides: CalendarOverrides,
): ReadonlySet<string> {
  const table = overrides.years?.find((candidate) => candidate.year === year) ?? checkedIn.get(year);
  const dates = new Set<string>(table?.complete === true ? [] : libraryPublicHolidayDates(year));
  for (const notHoliday of table?.notHolidays ?? []) dates.delete(notHoliday.date);
  for (const holiday of table?.holidays ?? []) dates.add(holiday.date);

  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const holiday of overrides.add ?? []) if (holiday.date.startsWith(prefix)) dates.add(holiday.date);
  for (const date of overrides.remove ?? []) if (date.startsWith(prefix)) dates.delete(date);
  return dates;
}
