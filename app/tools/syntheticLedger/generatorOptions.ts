import { z } from 'zod';

const IsoDate = z.iso.date();

/** What a synthetic ledger is made from; the same options always give the same ledger. */
export const GeneratorOptions = z
  .object({
    complaints: z.int().min(1).max(50_000_000),
    seed: z.int().min(0).max(0xffff_ffff),
    /** First and last Jakarta day of submissions, inclusive. Fixed defaults: never today's clock. */
    from: IsoDate.default('2012-01-01'),
    to: IsoDate.default('2025-12-31'),
    /** Seal a reporter's name and contact into every submission (one vault key per reporter). */
    personalData: z.boolean().default(true),
  })
  .strict()
  .refine((o) => o.from <= o.to, { message: 'from must not be after to', path: ['to'] });
export type GeneratorOptions = z.infer<typeof GeneratorOptions>;
export type GeneratorOptionsInput = z.input<typeof GeneratorOptions>;
