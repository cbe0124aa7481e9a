import { daysInMonth, epochDayFromCivil, isoDateFromEpochDay } from './civilDays';

/**
 * Asia/Jakarta (WIB) is UTC+07:00 all year: Indonesia has had no daylight saving time
 * since 1964, so a fixed offset is exact for every date this ledger will see.
 */
export const JAKARTA_OFFSET = '+07:00';
const JAKARTA_OFFSET_MINUTES = 7 * 60;
const MINUTES_PER_DAY = 24 * 60;

// An instant must carry its own offset: without one, JavaScript would read it in the machine's TZ.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * The Jakarta calendar day (as an epoch day) on which an ISO 8601 instant falls.
 * '2024-04-09T17:30:00Z' is already 10 April 00:30 in Jakarta, so it yields 10 April.
 * Sub-minute parts cannot move the day, so they are validated but otherwise ignored.
 */
export function jakartaEpochDayOfInstant(instantIso: string): number {
  const match = ISO_INSTANT.exec(instantIso);
  if (match === null) throw new RangeError(`not an ISO 8601 instant with offset: ${JSON.stringify(instantIso)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const offsetMinutes =
    match[7] === 'Z' ? 0 : (match[8] === '-' ? -1 : 1) * (Number(match[9]) * 60 + Number(match[10]));
  if (
    month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
    hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMinutes) > 18 * 60
  ) {
    throw new RangeError(`not a valid instant: ${instantIso}`);
  }
  const minutesFromLocalMidnight = hour * 60 + minute - offsetMinutes + JAKARTA_OFFSET_MINUTES;
  return epochDayFromCivil(year, month, day) + Math.floor(minutesFromLocalMidnight / MINUTES_PER_DAY);
}

/** The last millisecond of a Jakarta day, as the ISO instant deadlines are stored with. */
export function endOfJakartaDay(epochDay: number): string {
  return `${isoDateFromEpochDay(epochDay)}T23:59:59.999${JAKARTA_OFFSET}`;
}
