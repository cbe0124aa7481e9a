import { epochDayFromCivil, isoDateFromEpochDay, isWeekend } from './civilDays';

/**
 * One year's working days, precomputed so that the calendar answers in O(1) per year
 * crossed instead of walking day by day (projections call it millions of times).
 */
export interface WorkingDayYear {
  readonly year: number;
  /** Epoch day of 1 January. */
  readonly firstDay: number;
  /** Working days in the year. */
  readonly total: number;
  /** worked[i] = working days from 1 January up to and including day-of-year i (0-based). */
  readonly worked: Uint16Array;
  /** The 0-based day-of-year of the k-th working day (k from 0). */
  readonly workingDayOfYear: Uint16Array;
}

export function buildWorkingDayYear(year: number, holidayDates: ReadonlySet<string>): WorkingDayYear {
  const firstDay = epochDayFromCivil(year, 1, 1);
  const length = epochDayFromCivil(year + 1, 1, 1) - firstDay;
  const worked = new Uint16Array(length);
  const offsets: number[] = [];
  for (let dayOfYear = 0; dayOfYear < length; dayOfYear++) {
    const epochDay = firstDay + dayOfYear;
    if (!isWeekend(epochDay) && !holidayDates.has(isoDateFromEpochDay(epochDay))) offsets.push(dayOfYear);
    worked[dayOfYear] = offsets.length;
  }
  return { year, firstDay, total: offsets.length, worked, workingDayOfYear: Uint16Array.from(offsets) };
}

/** Working days from 1 January up to and including the given epoch day of this year. */
export function workedThrough(year: WorkingDayYear, epochDay: number): number {
  return valueAt(year.worked, epochDay - year.firstDay);
}

export function isWorkingEpochDay(year: WorkingDayYear, epochDay: number): boolean {
  const dayOfYear = epochDay - year.firstDay;
  return valueAt(year.worked, dayOfYear) - (dayOfYear === 0 ? 0 : valueAt(year.worked, dayOfYear - 1)) === 1;
}

/** Epoch day of the n-th working day of the year, n from 1 to total. */
export function nthWorkingEpochDay(year: WorkingDayYear, n: number): number {
  return year.firstDay + valueAt(year.workingDayOfYear, n - 1);
}

function valueAt(array: Uint16Array, index: number): number {
  const value = array[index];
  if (value === undefined) throw new RangeError(`index ${index} outside the year`);
  return value;
}
