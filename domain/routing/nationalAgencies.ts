import { z } from 'zod';
import { Agency } from './agency';
import rawNationalAgencies from './data/national-agencies.json';

/** Ministries, national institutions and service BUMN, curated by hand with their sources named. */
export const NationalAgencyFile = z
  .object({
    /** The month the list was last checked against the decrees in `sources`. */
    asOf: z.string().regex(/^\d{4}-\d{2}$/),
    sources: z.array(z.string().min(1)).min(1),
    agencies: z.array(Agency),
  })
  .strict();
export type NationalAgencyFile = z.infer<typeof NationalAgencyFile>;

export const nationalAgencyFile: NationalAgencyFile = NationalAgencyFile.parse(rawNationalAgencies);
