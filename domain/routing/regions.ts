import rawRegionData from './data/regions.json';
import { RegionData } from './regionData';

/** Kemendagri regions (idn-area-data, ODbL), validated once at load. */
export const regionData: RegionData = RegionData.parse(rawRegionData);

const namesByCode: ReadonlyMap<string, string> = new Map(
  [...regionData.provinces, ...regionData.regencies, ...regionData.districts].map((region) => [region.code, region.name]),
);

/** True for a province (`11`), regency/city (`11.01`) or district (`11.01.01`) code that exists in the data. */
export function isValidRegionCode(code: string): boolean {
  return namesByCode.has(code);
}

/** "Aceh", "Kabupaten Aceh Selatan", "Kota Bandung", "Bakongan"; undefined for an unknown code. */
export function regionName(code: string): string | undefined {
  return namesByCode.get(code);
}
