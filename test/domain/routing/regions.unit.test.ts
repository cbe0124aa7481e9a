import { isValidRegionCode, regionCodeParts, regionData, regionName } from '../../../domain/routing';

describe('Kemendagri regions (idn-area-data 3.1.2)', () => {
  it('holds all 38 provinces and 514 regencies/cities', () => {
    expect(regionData.provinces).toHaveLength(38);
    expect(regionData.regencies).toHaveLength(514);
    expect(regionData.regencies.filter((r) => r.name.startsWith('Kabupaten '))).toHaveLength(416);
    expect(regionData.regencies.filter((r) => r.name.startsWith('Kota '))).toHaveLength(98);
  });

  it('credits the data source and its ODbL licence', () => {
    expect(regionData.source).toMatchObject({ package: 'idn-area-data', licence: 'ODbL-1.0' });
    expect(regionData.source.attribution).toContain('Open Database License');
  });

  it.each([
    ['11', 'Aceh'],
    ['31', 'DKI Jakarta'],
    ['34', 'Daerah Istimewa Yogyakarta'],
    ['96', 'Papua Barat Daya'],
    ['11.01', 'Kabupaten Aceh Selatan'],
    ['11.71', 'Kota Banda Aceh'],
    ['32.73', 'Kota Bandung'],
    ['31.71', 'Kota Administrasi Jakarta Pusat'],
    ['73.10', 'Kabupaten Pangkajene dan Kepulauan'],
    ['11.01.01', 'Bakongan'],
  ])('regionName(%s) is %s', (code, name) => {
    expect(regionName(code)).toBe(name);
    expect(isValidRegionCode(code)).toBe(true);
  });

  it.each(['', '1', '99', '11.99', '11.1', '11.01.99', '11.01.01.2001', 'aceh', ' 11'])('rejects %j', (code) => {
    expect(isValidRegionCode(code)).toBe(false);
    expect(regionName(code)).toBeUndefined();
  });

  it('every regency and district code extends an existing parent code', () => {
    for (const regency of regionData.regencies) expect(isValidRegionCode(regency.code.slice(0, 2))).toBe(true);
    for (const district of regionData.districts) expect(isValidRegionCode(district.code.slice(0, 5))).toBe(true);
  });

  it('splits a code into its levels', () => {
    expect(regionCodeParts('32')).toEqual({ level: 'province', provinceCode: '32' });
    expect(regionCodeParts('32.73')).toEqual({ level: 'regency', provinceCode: '32', regencyCode: '32.73' });
    expect(regionCodeParts('32.73.01')).toEqual({ level: 'district', provinceCode: '32', regencyCode: '32.73' });
    expect(regionCodeParts('32-73')).toBeUndefined();
  });
});
