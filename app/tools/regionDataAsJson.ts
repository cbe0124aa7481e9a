import type { RegionData } from '../../domain/routing/regionData';

/** One region per line: small diffs when Kemendagri renames or adds a region. */
export function regionDataAsJson(data: RegionData): string {
  const regionLines = (regions: readonly { code: string; name: string }[]): string =>
    regions.map((region) => `    ${JSON.stringify(region)}`).join(',\n');
  return [
    '{',
    `  "source": ${JSON.stringify(data.source)},`,
    `  "provinces": [\n${regionLines(data.provinces)}\n  ],`,
    `  "regencies": [\n${regionLines(data.regencies)}\n  ],`,
    `  "districts": [\n${regionLines(data.districts)}\n  ]`,
    '}',
    '',
  ].join('\n');
}
