import type { Agency } from './agency';
import { agencyRegistryProblems } from './agencyRegistryProblems';
import { localGovernmentAgencies } from './localGovernments';
import { nationalAgencyFile } from './nationalAgencies';
import { regionData } from './regions';

export type AgencyRegistry = {
  get(id: string): Agency | undefined;
  exists(id: string): boolean;
  /** The body accountable above this one (a unit's agency; Pemprov DKI for a Jakarta administrative city). */
  parentOf(id: string): string | undefined;
  /**
   * Direct units (kind `unit`) of an agency, in registry order. Jakarta's administrative
   * cities have Pemprov DKI as parent but are not its units.
   */
  unitsOf(id: string): readonly Agency[];
  list(): readonly Agency[];
  /** The region a local government or its unit serves; undefined for national bodies and unknown ids. */
  regionOf(id: string): string | undefined;
};

/** Builds a registry over a fixed list; refuses a list with duplicate ids, missing parents or cycles. */
export function createAgencyRegistry(agencies: readonly Agency[]): AgencyRegistry {
  const problems = agencyRegistryProblems(agencies);
  if (problems.length > 0) throw new Error(`agency registry is inconsistent:\n${problems.join('\n')}`);

  // Frozen copies: the registry is shared by every caller and must not change under them.
  const frozen = agencies.map((agency): Agency => Object.freeze({ ...agency }));
  const byId = new Map(frozen.map((agency) => [agency.id, agency]));
  const unitsByParent = new Map<string, Agency[]>();
  for (const agency of frozen) {
    if (agency.parentId === undefined || agency.kind !== 'unit') continue;
    const siblings = unitsByParent.get(agency.parentId) ?? [];
    siblings.push(agency);
    unitsByParent.set(agency.parentId, siblings);
  }
  const frozenList = Object.freeze(frozen);

  return {
    get: (id) => byId.get(id),
    exists: (id) => byId.has(id),
    parentOf: (id) => byId.get(id)?.parentId,
    unitsOf: (id) => unitsByParent.get(id) ?? [],
    list: () => frozenList,
    regionOf: (id) => byId.get(id)?.regionCode,
  };
}

/** The national registry: ministries and institutions first, then every local government. */
export const agencyRegistry: AgencyRegistry = createAgencyRegistry([
  ...nationalAgencyFile.agencies,
  ...localGovernmentAgencies(regionData),
]);
