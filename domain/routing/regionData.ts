import { z } from 'zod';
import { DistrictCode, ProvinceCode, RegencyCode } from './regionCode';

const NamedRegion = <Code extends z.ZodType<string>>(code: Code) =>
  z.object({ code, name: z.string().min(1).max(100) }).strict();

/**
 * The shape of data/regions.json, written by app/tools/generate-agency-registry.ts from
 * the idn-area-data CSVs. Names are already title-cased; a regency's or district's
 * parent is the prefix of its code, so it is not stored twice.
 */
export const RegionData = z
  .object({
    source: z
      .object({
        package: z.string().min(1),
        version: z.string().min(1),
        licence: z.string().min(1),
        attribution: z.string().min(1),
      })
      .strict(),
    provinces: z.array(NamedRegion(ProvinceCode)),
    regencies: z.array(NamedRegion(RegencyCode)),
    districts: z.array(NamedRegion(DistrictCode)),
  })
  .strict();
export type RegionData = z.infer<typeof RegionData>;
