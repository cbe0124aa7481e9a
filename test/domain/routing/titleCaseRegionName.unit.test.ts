import { titleCaseRegionName } from '../../../domain/routing/titleCaseRegionName';

describe('titleCaseRegionName', () => {
  it.each([
    ['KABUPATEN ACEH SELATAN', 'Kabupaten Aceh Selatan'],
    ['KOTA BANDA ACEH', 'Kota Banda Aceh'],
    ['DKI JAKARTA', 'DKI Jakarta'],
    ['KABUPATEN PANGKAJENE DAN KEPULAUAN', 'Kabupaten Pangkajene dan Kepulauan'],
    ['KABUPATEN TOJO UNA-UNA', 'Kabupaten Tojo Una-Una'],
    ['  KOTA   ADMINISTRASI JAKARTA PUSAT ', 'Kota Administrasi Jakarta Pusat'],
    ['DAN', 'Dan'],
  ])('%j -> %j', (input, expected) => {
    expect(titleCaseRegionName(input)).toBe(expected);
  });
});
