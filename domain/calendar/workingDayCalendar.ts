import { civilFromEpochDay, epochDayFromIsoDate } from './civilDays';
import { CalendarOverrides } from './calendarOverrides';
import { checkedInHolidayTables } from './checkedInHolidayTables';
import { holidayDatesOfYear } from './holidayDatesOfYear';
import { endOfJakartaDay, jakartaEpochDayOfInstant } from './jakartaTime';
import {
  buildWorkingDayYear,
  isWorkingEpochDay,
  nthWorkingEpochDay,
  workedThrough,
  type WorkingDayYear,
} from './workingDayYear';

/**
 * Indonesian working days: Monday to Friday, minus national holidays (libur nasional) and
 * collective leave (cuti bersama), in Asia/Jakarta. SP4N time limits are counted in these.
 */
export interface WorkingDayCalendar {
  /** Whether a Jakarta calendar day ('YYYY-MM-DD') is a working day. */
  isWorkingDay(date: string): boolean;
  /**
   * The deadline `days` working days after an instant: the end (23:59:59.999+07:00) of the
   * N-th working day after the instant's Jakarta date. The instant's own day never counts,
   * whatever the hour, so a complaint at 08:00 or 23:00 on a Monday both get Tuesday as day 1.
   * An instant on a weekend or holiday counts from the next working day (Saturday + 1 ->
   * end of Monday). days = 0 gives the end of the instant's own Jakarta day (even if that
   * is a holiday). days must be a non-negative integer.
   */
  addWorkingDays(instantIso: string, days: number): string;
  /**
   * Working days strictly after from's Jakarta date, up to and including to's. Same Jakarta
   * day -> 0; Friday -> the next Monday -> 1. If to is before from the answer is negative
   * (-workingDaysBetween(to, from)), so "days left" and "days overdue" share one function.
   */
  workingDaysBetween(fromIso: string, toIso: string): number;
}

/** Holiday lists are not known outside this range; asking beyond it is a programming error. */
export const SUPPORTED_YEARS = { first: 1900, last: 2999 } as const;

export function createWorkingDayCalendar(overrides?: CalendarOverrides): WorkingDayCalendar {
  const validOverrides = CalendarOverrides.parse(overrides ?? {});
  const years = new Map<number, WorkingDayYear>();

  function yearIndex(year: number): WorkingDayYear {
    const cached = years.get(year);
    if (cached !== undefined) return cached;
    if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
      throw new RangeError(`year ${year} is outside ${SUPPORTED_YEARS.first}-${SUPPORTED_YEARS.last}`);
    }
    const built = buildWorkingDayYear(year, holidayDatesOfYear(year, checkedInHolidayTables, validOverrides));
    years.set(year, built);
    return built;
  }

  function yearOf(epochDay: number): WorkingDayYear {
    return yearIndex(civilFromEpochDay(epochDay).year);
  }

  function addWorkingDays(instantIso: string, days: number): string {
    if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
    const start = jakartaEpochDayOfInstant(instantIso);
    if (days === 0) return endOfJakartaDay(start);
    let year = yearOf(start);
    // Rank of the target among the working days of `year`, counted from 1 January.
    let rank = workedThrough(year, start) + days;
    while (rank > year.total) {
      rank -= year.total;
      year = yearIndex(year.year + 1);
    }
    return endOfJakartaDay(nthWorkingEpochDay(year, rank));
  }

  function workingDaysBetween(fromIso: string, toIso: string): number {
    const from = jakartaEpochDayOfInstant(fromIso);
    const to = jakartaEpochDayOfInstant(toIso);
    // 0 - x rather than -x: never hand callers a -0.
    return to >= from ? countAfterUpTo(from, to) : 0 - countAfterUpTo(to, from);
  }

  function countAfterUpTo(from: number, to: number): number {
    let fromYear = yearOf(from);
    const toYear = yearOf(to);
    let count = -workedThrough(fromYear, from);
    while (fromYear.year < toYear.year) {
      count += fromYear.total;
      fromYear = yearIndex(fromYear.year + 1);
    }
    return count + workedThrough(toYear, to);
  }

  return {
    isWorkingDay: (date) => {
      const epochDay = epochDayFromIsoDate(date);
      return isWorkingEpochDay(yearOf(epochDay), epochDay);
    },
    addWorkingDays,
    workingDaysBetween,
  };
}
