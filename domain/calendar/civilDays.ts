/**
 * Proleptic Gregorian dates as whole "epoch days" (days since 1970-01-01), with pure
 * integer arithmetic: no Date objects, so nothing here can depend on the machine's TZ.
 * Algorithms after Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilFromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return epochDayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - epochDayFromCivil(year, month, 1);
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekend(epochDay: number): boolean {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday === 0 || weekday === 6;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' -> epoch day; a RangeError for anything that is not a real calendar date. */
export function epochDayFromIsoDate(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(isoDate)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${isoDate}`);
  }
  return epochDayFromCivil(year, month, day);
}

export function isoDateFromEpochDay(epochDay: number): string {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isRealIsoDate(isoDate: string): boolean {
  try {
    epochDayFromIsoDate(isoDate);
    return true;
  } catch {
    return false;
  }
}
