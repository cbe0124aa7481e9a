import { HttpProblem } from '../../app/http/httpProblem';
import { problem } from '../../app/http/problem';
import type { Actor } from '../../eventstore/metadata';

/** The whole case file and the event history: the Ombudsman's, and the SP4N admin's (DESIGN.md visibility matrix). */
const mayOversee = (actor: Actor): boolean => actor.role === 'ombudsman' || actor.role === 'admin';

/** A list of the Ombudsman's: anyone else signed in is told it is not for them. */
export function requireOversightList(actor: Actor): void {
  if (!mayOversee(actor)) throw new HttpProblem(problem(403, 'not_oversight', 'Not permitted', { detail: 'oversight lists are for the Ombudsman and SP4N admins' }));
}

export const complaintNotFound = (): HttpProblem =>
  new HttpProblem(problem(404, 'not_found', 'No such complaint', { detail: 'no complaint you may oversee has this id' }));

/** One complaint's file or history: anyone else gets the 404 an unknown id gets. */
export function requireOversightOf(actor: Actor): void {
  if (!mayOversee(actor)) throw complaintNotFound();
}
