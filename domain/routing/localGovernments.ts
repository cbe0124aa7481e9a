import type { Agency, AgencyKind } from './agency';
import { LocalUnitSlug, localUnitId, localUnitTemplates } from './localGovernmentUnits';
import type { RegionData } from './regionData';

export function provinceGovernmentId(provinceCode: string): string {
  return `pemprov-${provinceCode}`;
}

/** A regency's kind follows from the name Kemendagri gives it. */
function regencyGovernmentKind(regencyName: string): AgencyKind {
  if (regencyName.startsWith('Kota Administrasi ')) return 'kota-administrasi';
  if (regencyName.startsWith('Kabupaten Administrasi ')) return 'kabupaten-administrasi';
  if (regencyName.startsWith('Kota ')) return 'pemerintah-kota';
  return 'pemerintah-kabupaten';
}

export function regencyGovernmentId(regencyCode: string, regencyName: string): string {
  const kind = regencyGovernmentKind(regencyName);
  const prefix = kind === 'pemerintah-kota' || kind === 'kota-administrasi' ? 'pemkot' : 'pemkab';
  return `${prefix}-${regencyCode}`;
}

/** Administrative areas answer to the province; autonomous regencies and cities answer to nobody above. */
export function isAutonomousGovernment(kind: AgencyKind): boolean {
  return kind === 'pemerintah-provinsi' || kind === 'pemerintah-kabupaten' || kind === 'pemerintah-kota';
}

function unitsOfGovernment(government: Agency, regionLabel: string, servesResidentsDirectly: boolean): Agency[] {
  return LocalUnitSlug.options
    .filter((unit) => servesResidentsDirectly || !localUnitTemplates[unit].regencyOnly)
    .map((unit) => ({
      id: localUnitId(government.id, unit),
      name: `${localUnitTemplates[unit].name} ${regionLabel}`,
      kind: 'unit',
      parentId: government.id,
      regionCode: government.regionCode,
    }));
}

/**
 * Every province and regency/city government in the region data, each autonomous one
 * with its standard dinas. Jakarta's administrative cities get no dinas of their own:
 * there the province's dinas serve (through suku dinas), so they carry the province as parent.
 */
export function localGovernmentAgencies(regions: RegionData): Agency[] {
  const provinces = regions.provinces.flatMap((province): Agency[] => {
    const government: Agency = {
      id: provinceGovernmentId(province.code),
      name: `Pemerintah Provinsi ${province.name}`,
      kind: 'pemerintah-provinsi',
      regionCode: province.code,
    };
    // A province without autonomous regencies (DKI Jakarta) runs the regency services itself.
    const servesResidentsDirectly = !regions.regencies.some(
      (regency) => regency.code.startsWith(`${province.code}.`) && isAutonomousGovernment(regencyGovernmentKind(regency.name)),
    );
    return [government, ...unitsOfGovernment(government, `Provinsi ${province.name}`, servesResidentsDirectly)];
  });
  const regencies = regions.regencies.flatMap((regency): Agency[] => {
    const kind = regencyGovernmentKind(regency.name);
    const provinceCode = regency.code.slice(0, 2);
    const government: Agency = {
      id: regencyGovernmentId(regency.code, regency.name),
      name: `Pemerintah ${regency.name}`,
      kind,
      regionCode: regency.code,
      ...(isAutonomousGovernment(kind) ? {} : { parentId: provinceGovernmentId(provinceCode) }),
    };
    if (!isAutonomousGovernment(kind)) return [government];
    return [government, ...unitsOfGovernment(government, regency.name, true)];
  });
  return [...provinces, ...regencies];
}
