import { z } from 'zod';
import { isRealIsoDate } from './civilDays';

/** A calendar day in Asia/Jakarta, 'YYYY-MM-DD'. */
export const JakartaDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isRealIsoDate, 'not a calendar date');

/**
 * libur_nasional: a national holiday (hari libur nasional, Keppres / SKB).
 * cuti_bersama: collective leave set by the same SKB; government offices are closed,
 * so SP4N time limits do not run on it either.
 */
export const HolidayKind = z.enum(['libur_nasional', 'cuti_bersama']);
export type HolidayKind = z.infer<typeof HolidayKind>;

export const HolidayEntry = z
  .object({
    date: JakartaDate,
    /** In Bahasa Indonesia, as the decree names it. */
    name: z.string().min(1).max(200),
    kind: HolidayKind,
    /** The decree that set this day: the SKB 3 Menteri, or a Keppres for an ad hoc day (election day). */
    decree: z.string().min(1).max(200),
  })
  .strict();
export type HolidayEntry = z.infer<typeof HolidayEntry>;

/** A date the library calls a holiday but the decrees do not (e.g. a lunar date the SKB set a day later). */
export const NotHoliday = z
  .object({ date: JakartaDate, reason: z.string().min(1).max(500) })
  .strict();
export type NotHoliday = z.infer<typeof NotHoliday>;

/**
 * One year's holidays as decreed. complete = true means the table lists every holiday and
 * cuti bersama of the year (the SKB was published), so the date-holidays library is not
 * consulted for that year at all: its computed lunar dates are sometimes a day off the
 * decree (e.g. Iduladha 2024: library 16 June, SKB 17 June). complete = false means the
 * entries are merged on top of the library's public holidays, minus notHolidays.
 */
export const HolidayYearTable = z
  .object({
    year: z.int().min(1900).max(2999),
    complete: z.boolean(),
    /** The decrees themselves, by title. */
    sources: z.array(z.string().min(1)).min(1),
    /** Where the lists were read (publications quoting the decrees). */
    readFrom: z.array(z.url()),
    holidays: z.array(HolidayEntry),
    notHolidays: z.array(NotHoliday).optional(),
  })
  .strict()
  .superRefine((table, ctx) => {
    const prefix = `${String(table.year).padStart(4, '0')}-`;
    const dates = [...table.holidays, ...(table.notHolidays ?? [])].map((entry) => entry.date);
    for (const date of dates) {
      if (!date.startsWith(prefix)) ctx.addIssue({ code: 'custom', message: `${date} is not in ${table.year}` });
    }
    if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', message: 'a date is listed twice' });
  });
export type HolidayYearTable = z.infer<typeof HolidayYearTable>;
