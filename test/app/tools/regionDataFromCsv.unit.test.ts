import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { regionDataAsJson } from '../../../app/tools/regionDataAsJson';
import { regionDataFromCsv } from '../../../app/tools/regionDataFromCsv';

const repositoryRoot = join(__dirname, '..', '..', '..');
const packageDirectory = join(repositoryRoot, 'node_modules', 'idn-area-data');
const read = (path: string) => readFileSync(path, 'utf8');

describe('regionDataFromCsv', () => {
  it('reproduces the checked-in domain/routing/data/regions.json from the installed idn-area-data', () => {
    const { version } = JSON.parse(read(join(packageDirectory, 'package.json'))) as { version: string };
    const data = regionDataFromCsv(
      {
        provinces: read(join(packageDirectory, 'data', 'provinces.csv')),
        regencies: read(join(packageDirectory, 'data', 'regencies.csv')),
        districts: read(join(packageDirectory, 'data', 'districts.csv')),
      },
      version,
    );
    expect(regionDataAsJson(data)).toBe(read(join(repositoryRoot, 'domain', 'routing', 'data', 'regions.json')));
  });

  it('title-cases names and refuses a regency whose code is not under its province', () => {
    const files = { provinces: 'code,name\n11,ACEH\n', regencies: 'code,province_code,name\n11.01,11,KABUPATEN ACEH SELATAN\n', districts: 'code,regency_code,name\n' };
    expect(regionDataFromCsv(files, '0').regencies).toEqual([{ code: '11.01', name: 'Kabupaten Aceh Selatan' }]);
    expect(() => regionDataFromCsv({ ...files, regencies: 'code,province_code,name\n11.01,12,KOTA X\n' }, '0')).toThrow('not its code prefix');
    expect(() => regionDataFromCsv({ ...files, provinces: 'id,name\n' }, '0')).toThrow('unexpected CSV header');
  });
});
