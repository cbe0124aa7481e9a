import { z } from 'zod';
import { HolidayEntry, HolidayYearTable, JakartaDate } from './holidayTable';

/**
 * Corrections from configuration, applied on top of the checked-in tables, in this order:
 * `years` replace the checked-in table of their year (e.g. an amended SKB published after
 * the release), then `add` makes dates holidays, then `remove` makes dates working days
 * again (a cancelled holiday, or a library date that is wrong). `remove` cannot turn a
 * Saturday or Sunday into a working day: weekends are never working days here.
 */
export const CalendarOverrides = z
  .object({
    years: z.array(HolidayYearTable).optional(),
    add: z.array(HolidayEntry).optional(),
    remove: z.array(JakartaDate).optional(),
  })
  .strict()
  .superRefine((overrides, ctx) => {
    const years = (overrides.years ?? []).map((table) => table.year);
    if (new Set(years).size !== years.length) ctx.addIssue({ code: 'custom', message: 'a year is replaced twice' });
    const added = new Set((overrides.add ?? []).map((entry) => entry.date));
    for (const date of overrides.remove ?? []) {
      if (added.has(date)) ctx.addIssue({ code: 'custom', message: `${date} is both added and removed` });
    }
  });
export type CalendarOverrides = z.infer<typeof CalendarOverrides>;
