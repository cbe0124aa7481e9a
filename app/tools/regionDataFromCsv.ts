import { RegionData } from '../../domain/routing/regionData';
import { titleCaseRegionName } from '../../domain/routing/titleCaseRegionName';

/** The CSV files of idn-area-data that the registry is built from. */
export type RegionCsvFiles = {
  readonly provinces: string;
  readonly regencies: string;
  readonly districts: string;
};

export const IDN_AREA_DATA_ATTRIBUTION =
  'Region codes and names: idn-area-data by Fityan (https://github.com/fityannugroho/idn-area-data), ' +
  'compiled from Kemendagri (Kementerian Dalam Negeri) official sources, ' +
  'made available under the Open Database License (ODbL) 1.0.';

/** Rows of a CSV file with a header line. The files hold no quoted fields; refuse any that do. */
function csvRows(text: string, expectedHeader: string): string[][] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [header, ...rows] = lines;
  if (header !== expectedHeader) throw new Error(`unexpected CSV header ${JSON.stringify(header)}, want ${expectedHeader}`);
  return rows.map((line) => {
    if (line.includes('"')) throw new Error(`quoted CSV field not supported: ${line}`);
    return line.split(',');
  });
}

function assertParentCode(code: string, parentCode: string | undefined): void {
  // The registry derives a region's parent from its code prefix; make sure the data agrees.
  if (!parentCode || !code.startsWith(`${parentCode}.`)) {
    throw new Error(`region ${code} names parent ${String(parentCode)}, which is not its code prefix`);
  }
}

/** Pure: CSV text in, the validated content of domain/routing/data/regions.json out. */
export function regionDataFromCsv(files: RegionCsvFiles, packageVersion: string): RegionData {
  const provinces = csvRows(files.provinces, 'code,name').map(([code = '', name = '']) => ({
    code,
    name: titleCaseRegionName(name),
  }));
  const regencies = csvRows(files.regencies, 'code,province_code,name').map(([code = '', provinceCode, name = '']) => {
    assertParentCode(code, provinceCode);
    return { code, name: titleCaseRegionName(name) };
  });
  // District names are already in title case in the data; keep them as written.
  const districts = csvRows(files.districts, 'code,regency_code,name').map(([code = '', regencyCode, name = '']) => {
    assertParentCode(code, regencyCode);
    return { code, name: name.trim() };
  });
  return RegionData.parse({
    source: {
      package: 'idn-area-data',
      version: packageVersion,
      licence: 'ODbL-1.0',
      attribution: IDN_AREA_DATA_ATTRIBUTION,
    },
    provinces,
    regencies,
    districts,
  });
}
