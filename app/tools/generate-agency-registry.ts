/**
 * Regenerates domain/routing/data/regions.json from the idn-area-data CSV files, so that
 * domain/ can import the region list without touching the file system.
 *
 *   npx tsx app/tools/generate-agency-registry.ts
 *
 * The local-government agencies (and their dinas) are derived from this file in
 * domain/routing/localGovernments.ts; ministries and national institutions are curated by
 * hand in domain/routing/data/national-agencies.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { regionDataAsJson } from './regionDataAsJson';
import { regionDataFromCsv } from './regionDataFromCsv';

const repositoryRoot = resolve(__dirname, '..', '..');
const packageDirectory = join(repositoryRoot, 'node_modules', 'idn-area-data');
const outputFile = join(repositoryRoot, 'domain', 'routing', 'data', 'regions.json');

const readData = (file: string): string => readFileSync(join(packageDirectory, 'data', file), 'utf8');
const { version } = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8')) as { version: string };

const regionData = regionDataFromCsv(
  { provinces: readData('provinces.csv'), regencies: readData('regencies.csv'), districts: readData('districts.csv') },
  version,
);
writeFileSync(outputFile, regionDataAsJson(regionData));
console.log(
  `wrote ${outputFile}: ${regionData.provinces.length} provinces, ${regionData.regencies.length} regencies/cities, ` +
    `${regionData.districts.length} districts (idn-area-data ${version})`,
);
