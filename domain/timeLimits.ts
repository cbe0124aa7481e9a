import { z } from 'zod';

/**
 * SP4N time limits, all counted in Indonesian working days (see domain/calendar).
 *
 * Where the numbers come from. Issue 3 states them; they are the LAPOR!/SP4N workflow as
 * published by its operators, which implements:
 * - UU 25/2009 tentang Pelayanan Publik (Bab VII Penyelesaian Pengaduan, Pasal 40-50): the
 *   provider must answer a written complaint within 14 days and decide it within 60 days of
 *   the file being complete. (Quoted from our reading of the Act; the article text itself
 *   was not among the sources we could consult, so check Pasal 50 before relying on the
 *   paragraph numbers.)
 * - Perpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik: complaints are to be
 *   settled at the latest 60 days after the file is complete (summary at
 *   meridianhukum.com/peraturan/perpres-no-76-tahun-2013); Pasal 18-19 delegate the national
 *   system (SP4N) and its roadmap to the Minister PANRB.
 * - PermenPANRB 24/2014 (Pedoman Nasional Pengelolaan Pengaduan Pelayanan Publik), issued
 *   under Perpres 76/2013 Pasal 18(3), and its successor PermenPANRB 62/2018 (Pedoman Teknis
 *   Pengelolaan Pengaduan Pelayanan Publik), the SP4N-LAPOR! guideline the 3 / 5 / 10
 *   working-day steps below belong to. 62/2018's title and numbers are from our own
 *   knowledge: its text was not among the sources we could read, so each step below cites
 *   LAPOR!'s published workflow instead. No successor to 62/2018 was found (November 2026).
 *
 * Note the unit: the Act and the Perpres say "hari" (days), LAPOR! says "hari kerja"
 * (working days). 60 working days is about 84 calendar days, longer than a calendar-day
 * reading of the 60-day statutory ceiling. We follow the issue (working days) and flag it:
 * if counsel reads the Act as calendar days, lower resolutionDays.long in configuration.
 */
export const ResolutionClass = z.enum(['short', 'medium', 'long']);
export type ResolutionClass = z.infer<typeof ResolutionClass>;

const WorkingDays = z.int().min(1).max(365);

export const TimeLimits = z
  .object({
    /**
     * Admin verifies and disposes (routes) a new report: 3 working days. LAPOR! FAQ
     * (blog.lapor.go.id, "Laporan Anda akan diverifikasi dalam waktu paling lambat 3 (tiga)
     * hari kerja") and lapor.go.id: "diteruskan ke instansi K/L/D terkait paling lambat
     * 3 hari kerja setelah pelaporan".
     */
    verificationDays: WorkingDays,
    /**
     * The assigned agency posts its follow-up: 5 working days. lapor.go.id: "Instansi K/L/D
     * diberikan waktu paling lambat 5 hari kerja untuk melakukan koordinasi internal dan
     * perumusan tindak lanjut".
     */
    agencyFollowUpDays: WorkingDays,
    /**
     * After a follow-up the reporter may reply; silence for 10 working days closes the
     * report. lapor.go.id: a report is complete when the agency has followed up and
     * "10 working days after the follow-up" passed without a reply from the reporter.
     */
    reporterReplyDays: WorkingDays,
    /**
     * Resolution by complaint class: 5 / 14 / 60 working days. These tiers are the standard
     * complaint-handling terms in the service standards agencies publish on SIPPN
     * (sippn.menpan.go.id): "pengaduan bersifat normatif 5 hari kerja; tidak berkadar
     * pengawasan 14 hari kerja; berkadar pengawasan dan memerlukan pemeriksaan 60 hari
     * kerja". The 60 matches the UU 25/2009 / Perpres 76/2013 ceiling; 14 matches the Act's
     * written-response limit.
     */
    resolutionDays: z
      .object({ short: WorkingDays, medium: WorkingDays, long: WorkingDays })
      .strict()
      .refine((days) => days.short <= days.medium && days.medium <= days.long, {
        message: 'resolution tiers must not shrink: short <= medium <= long',
      }),
    /**
     * A complaint with no working owner (still in the admin queue, or with an agency that
     * has neither accepted nor followed up) for longer than this is shown to the Ombudsman.
     * No regulation sets this number. 8 = verificationDays + agencyFollowUpDays: the longest
     * a complaint can lawfully wait for the first substantive action, so anything older has
     * already breached a limit and nobody has picked it up.
     */
    unownedAlertDays: WorkingDays,
    /** Declines (bukan wewenang) before the complaint is escalated: issue 3, "declined twice". */
    declinesBeforeEscalation: z.int().min(1).max(20),
    /**
     * Whether a declining agency's named agency receives the complaint directly, instead of
     * the admin re-routing it (DESIGN.md: "or straight to the agency it names, if the admin
     * allows"). Off by default: the admin stays the single dispatcher.
     */
    allowDeclineToNamedAgency: z.boolean(),
  })
  .strict();
export type TimeLimits = z.infer<typeof TimeLimits>;

export const defaultTimeLimits: TimeLimits = Object.freeze({
  verificationDays: 3,
  agencyFollowUpDays: 5,
  reporterReplyDays: 10,
  resolutionDays: Object.freeze({ short: 5, medium: 14, long: 60 }),
  unownedAlertDays: 8,
  declinesBeforeEscalation: 2,
  allowDeclineToNamedAgency: false,
});

/** What configuration may set: any subset, resolution tiers individually. */
export const TimeLimitsOverride = z
  .object({
    verificationDays: WorkingDays,
    agencyFollowUpDays: WorkingDays,
    reporterReplyDays: WorkingDays,
    resolutionDays: z.object({ short: WorkingDays, medium: WorkingDays, long: WorkingDays }).partial().strict(),
    unownedAlertDays: WorkingDays,
    declinesBeforeEscalation: z.int().min(1).max(20),
    allowDeclineToNamedAgency: z.boolean(),
  })
  .partial()
  .strict();
export type TimeLimitsOverride = z.infer<typeof TimeLimitsOverride>;

/**
 * The defaults with a configuration override applied, validated as a whole (so an override
 * cannot, say, make the medium tier longer than the long one). Throws a ZodError on bad
 * configuration: start-up should stop with that message.
 */
export function resolveTimeLimits(override: unknown = {}): TimeLimits {
  const parsed = TimeLimitsOverride.parse(override);
  return TimeLimits.parse({
    ...defaultTimeLimits,
    ...parsed,
    resolutionDays: { ...defaultTimeLimits.resolutionDays, ...parsed.resolutionDays },
  });
}
