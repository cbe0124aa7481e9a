import { z } from 'zod';

/**
 * Kemendagri region codes as idn-area-data writes them: province `11`, regency/city
 * `11.01`, district (kecamatan) `11.01.01`. Villages are not used for routing.
 */
export const ProvinceCode = z.string().regex(/^\d{2}$/, 'expected a province code like 11');
export const RegencyCode = z.string().regex(/^\d{2}\.\d{2}$/, 'expected a regency code like 11.01');
export const DistrictCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'expected a district code like 11.01.01');

/** A code of any routing level; whether it exists is a separate question (regions.ts). */
export const RegionCode = z.union([ProvinceCode, RegencyCode, DistrictCode]);
export type RegionCode = z.infer<typeof RegionCode>;

export type RegionLevel = 'province' | 'regency' | 'district';

/** The well-formed parts of a code, without checking that the region exists. */
export type RegionCodeParts = {
  readonly level: RegionLevel;
  readonly provinceCode: string;
  /** Present for regency and district codes. */
  readonly regencyCode?: string;
};

export function regionCodeParts(code: string): RegionCodeParts | undefined {
  if (!RegionCode.safeParse(code).success) return undefined;
  const segments = code.split('.');
  const provinceCode = segments[0] ?? '';
  if (segments.length === 1) return { level: 'province', provinceCode };
  const regencyCode = `${provinceCode}.${segments[1] ?? ''}`;
  return { level: segments.length === 2 ? 'regency' : 'district', provinceCode, regencyCode };
}
