import { z } from 'zod';
import { requireSignedIn } from '../../app/http/authenticate';
import { HttpProblem } from '../../app/http/httpProblem';
import { jsonResult } from '../../app/http/httpResult';
import type { PostRoute } from '../../app/http/postRoute';
import { problem } from '../../app/http/problem';
import { parseInput } from '../../app/http/validation';
import { AccountId } from '../../domain/complaint';
import { eraseReporter, type ReporterErasureDependencies } from '../reporter/eraseReporter';

const EraseParams = z.object({ id: AccountId }).strict();
const EraseBody = z.object({}).strict();
const NoDraft = z.object({}).strict();

/**
 * `POST /api/reporters/{id}/erase` (UU PDP 27/2022): destroys the account's vault key, so
 * every envelope sealed under it, on every complaint, reads as erased, and marks each of
 * the account's complaints ReporterDataErased; the ledger and its hash chain stay intact.
 * The reporter may erase themselves; an admin may erase anyone. Repeating it is safe.
 */
export function eraseReporterRoute(deps: ReporterErasureDependencies): PostRoute<{ readonly reporterId: string }, Record<string, never>> {
  return {
    parse(req, actor) {
      const { id } = parseInput(EraseParams, req.params, 'params');
      parseInput(EraseBody, req.body ?? {}, 'body');
      requireSignedIn(actor);
      if (actor.role !== 'admin' && !(actor.role === 'reporter' && actor.id === id)) {
        throw new HttpProblem(problem(403, 'not_permitted', 'Not permitted', { detail: 'only the reporter themselves or an admin may erase a reporter' }));
      }
      return { reporterId: id };
    },
    draft: { schema: NoDraft, mint: () => ({}) },
    async execute({ reporterId }, { actor }) {
      const progress = await eraseReporter(deps, reporterId, actor);
      return jsonResult(200, { reporterId, erased: true, ...progress });
    },
  };
}
