import { HttpProblem } from '../../app/http/httpProblem';
import { problem } from '../../app/http/problem';
import type { AgencyRegistry } from '../../domain/routing';
import type { Actor } from '../../eventstore/metadata';

/**
 * An agency's read model is for its own officers and those of its parent (the supervising
 * agency, which may act on what is raised to it). Anyone else, and an agency that does not
 * exist, get the same 404: a caller cannot tell "not yours" from "no such agency".
 */
export function isAgencyReader(actor: Actor, agencyId: string, agencies: Pick<AgencyRegistry, 'exists' | 'parentOf'>): boolean {
  const own = actor.role === 'agency_officer' && actor.agencyId !== undefined && agencies.exists(agencyId);
  return own && (actor.agencyId === agencyId || agencies.parentOf(agencyId) === actor.agencyId);
}

export function requireAgencyReader(actor: Actor, agencyId: string, agencies: Pick<AgencyRegistry, 'exists' | 'parentOf'>): void {
  if (isAgencyReader(actor, agencyId, agencies)) return;
  throw new HttpProblem(problem(404, 'not_found', 'No such agency', { detail: 'no agency of yours has this id' }));
}
