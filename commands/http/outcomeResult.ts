import { jsonResult, problemResult, type HttpResult } from '../../app/http/httpResult';
import { problem } from '../../app/http/problem';
import type { DomainError } from '../../domain/complaint';
import type { CommandOutcome } from '../commandOutcome';
import { etagOf } from './ifMatch';

type Accepted = Extract<CommandOutcome, { kind: 'accepted' }>;

/** forbidden -> 403; a complaint that does not exist -> 404; every other refusal -> 409 with the domain's reason. */
function refusalResult(error: DomainError): HttpResult {
  const status = error.kind === 'forbidden' ? 403 : error.code === 'complaint_not_found' ? 404 : 409;
  return problemResult(problem(status, error.code, titleOf(error), { detail: error.message }));
}

const titleOf = (error: DomainError): string =>
  error.kind === 'forbidden' ? 'Not permitted' : error.kind === 'invalid' ? 'The command is not valid for this complaint' : 'The complaint is not in a state that allows this';

/** Every outcome but `accepted` as its HTTP answer; `accepted` is shaped by the route. */
export function outcomeResult(outcome: CommandOutcome, accepted: (outcome: Accepted) => HttpResult): HttpResult {
  switch (outcome.kind) {
    case 'accepted':
      return accepted(outcome);
    case 'refused':
      return refusalResult(outcome.error);
    case 'precondition_failed': {
      const current = outcome.currentRevision;
      return problemResult(
        problem(412, 'stale_revision', 'The complaint has changed since you read it', {
          detail: current === undefined ? 'the complaint does not exist' : `the current revision is ${current}`,
          currentRevision: current ?? null,
        }),
        current === undefined ? {} : { etag: etagOf(current) },
      );
    }
    case 'contended':
      return problemResult(problem(503, 'contended', 'The complaint is busy', { detail: `gave up after ${outcome.attempts} attempts; retry` }), {
        'retry-after': '1',
      });
  }
}

/** The answer to a staff or reporter action. */
export const actionAccepted = (outcome: Accepted, created: Readonly<Record<string, string>>): HttpResult =>
  jsonResult(200, { complaintId: outcome.complaintId, revision: outcome.revision, events: outcome.events.map((e) => e.event.type), ...created }, { etag: etagOf(outcome.revision) });
