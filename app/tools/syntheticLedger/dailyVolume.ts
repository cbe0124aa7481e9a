import type { WorkingDayCalendar } from '../../../domain/calendar';
import type { Prng } from './prng';

const DAY_MS = 86_400_000;
/** Monday .. Sunday: citizens report on working days, and most at the start of the week. */
const WEEKDAY_FACTOR = [1.25, 1.15, 1.1, 1.05, 0.95, 0.5, 0.4] as const;
const HOLIDAY_FACTOR = 0.45;
/** A few days a year carry a burst (a viral case, Lebaran travel, a flood): x2.5 to x5. */
const PEAK_DAY_CHANCE = 0.012;
/** Volume grows year on year (LAPOR! joined SP4N in 2016 and kept connecting agencies). */
const YEARLY_GROWTH = 0.18;

export interface DayVolume {
  /** Jakarta calendar day 'YYYY-MM-DD'. */
  readonly date: string;
  readonly complaints: number;
}

/**
 * Spreads `total` complaints over the days from `from` to `to` (inclusive): yearly growth,
 * weekday and holiday shape, noise and peaks. The per-day counts add up to exactly `total`
 * (cumulative rounding). Holds one number per day, never one per complaint.
 */
export function dailyVolumes(from: string, to: string, total: number, prng: Prng, calendar: WorkingDayCalendar): DayVolume[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / DAY_MS) + 1;
  const dates: string[] = [];
  const weights: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * DAY_MS);
    const iso = date.toISOString().slice(0, 10);
    const weekday = (date.getUTCDay() + 6) % 7;
    const yearFactor = Math.pow(1 + YEARLY_GROWTH, d / 365.25);
    const holiday = weekday < 5 && !calendar.isWorkingDay(iso) ? HOLIDAY_FACTOR : 1;
    const noise = 0.8 + 0.4 * prng.next();
    const peak = prng.chance(PEAK_DAY_CHANCE) ? prng.between(2.5, 5) : 1;
    dates.push(iso);
    weights.push(yearFactor * (WEEKDAY_FACTOR[weekday] as number) * holiday * noise * peak);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let assigned = 0;
  return dates.map((date, i) => {
    cumulative += ((weights[i] as number) / sum) * total;
    const upTo = i === days - 1 ? total : Math.round(cumulative);
    const complaints = upTo - assigned;
    assigned = upTo;
    return { date, complaints };
  });
}
