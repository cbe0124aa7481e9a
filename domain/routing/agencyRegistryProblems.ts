import type { Agency } from './agency';

/**
 * What would make the registry unsafe for "no wrong door": a duplicate id (two owners
 * under one name), a parent that does not exist or a parent cycle (escalation that never
 * reaches the top), a unit whose id does not start with its agency's id.
 * Returns one line per problem; an empty list means the registry is sound.
 */
export function agencyRegistryProblems(agencies: readonly Agency[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Agency>();
  for (const agency of agencies) {
    if (byId.has(agency.id)) problems.push(`duplicate agency id ${agency.id}`);
    byId.set(agency.id, agency);
  }
  for (const agency of agencies) {
    if (agency.parentId !== undefined && !byId.has(agency.parentId)) {
      problems.push(`${agency.id}: parent ${agency.parentId} does not exist`);
    }
    if (agency.kind === 'unit' && (agency.parentId === undefined || !agency.id.startsWith(`${agency.parentId}/`))) {
      problems.push(`${agency.id}: a unit's id must be its parent's id, a slash and the unit slug`);
    }
    if (agency.kind !== 'unit' && agency.id.includes('/')) {
      problems.push(`${agency.id}: only units have a slash in their id`);
    }
    if (parentChainHasCycle(agency, byId)) problems.push(`${agency.id}: parent chain has a cycle`);
  }
  return problems;
}

function parentChainHasCycle(start: Agency, byId: ReadonlyMap<string, Agency>): boolean {
  const seen = new Set<string>([start.id]);
  let parentId = start.parentId;
  while (parentId !== undefined) {
    if (seen.has(parentId)) return true;
    seen.add(parentId);
    parentId = byId.get(parentId)?.parentId;
  }
  return false;
}
