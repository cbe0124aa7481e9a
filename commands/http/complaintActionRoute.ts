import { z } from 'zod';
import { requireSignedIn } from '../../app/http/authenticate';
import { HttpProblem } from '../../app/http/httpProblem';
import type { PostRoute } from '../../app/http/postRoute';
import { problem } from '../../app/http/problem';
import { parseInput } from '../../app/http/validation';
import type { ComplaintCommand, ReceiptProof } from '../../domain/complaint';
import type { HandleCommand } from '../handleCommand';
import { ActionDraft, mintActionDraft } from './actionDraft';
import { channelOf } from './channelOf';
import { complaintActions, type ComplaintAction, type PersonalDataEraser } from './complaintActions';
import { ifMatchRevision } from './ifMatch';
import { actionAccepted, outcomeResult } from './outcomeResult';

const ActionParams = z.object({ id: z.uuid(), action: z.string() }).strict();

export interface ActionInput {
  readonly complaintId: string;
  readonly action: ComplaintAction;
  readonly body: object;
  readonly ifMatch: number | undefined;
  /** Set by the receipt-holder routes once the access code matched. */
  readonly receipt?: ReceiptProof;
}

function actionNamed(name: string): ComplaintAction {
  // hasOwn: `constructor` or `__proto__` must not resolve to Object's own members.
  const action = Object.hasOwn(complaintActions, name) ? complaintActions[name] : undefined;
  if (!action) throw new HttpProblem(problem(404, 'unknown_action', 'No such action', { detail: `complaints have no action "${name}"` }));
  return action;
}

/** `POST /api/complaints/{id}/{action}`: one route per domain command, all alike. */
export function complaintActionRoute(deps: { readonly handle: HandleCommand; readonly vault: PersonalDataEraser }): PostRoute<ActionInput, ActionDraft> {
  return {
    parse(req, actor) {
      const params = parseInput(ActionParams, req.params, 'params');
      const action = actionNamed(params.action);
      requireSignedIn(actor);
      return {
        complaintId: params.id,
        action,
        // Actions without fields may be sent without a body.
        body: parseInput(action.body, req.body ?? {}, 'body'),
        ifMatch: ifMatchRevision(req.get('if-match')),
      };
    },
    draft: { schema: ActionDraft, mint: mintActionDraft },
    async execute(input, { actor, requestId, draft }) {
      const command: ComplaintCommand = input.action.toCommand(input.body, draft);
      const outcome = await deps.handle({
        complaintId: input.complaintId,
        command,
        actor,
        ...(input.receipt === undefined ? {} : { receipt: input.receipt }),
        channel: channelOf(actor),
        correlationId: requestId,
        causationId: requestId,
        requestSeed: draft.requestSeed,
        ...(input.ifMatch === undefined ? {} : { ifMatchRevision: input.ifMatch }),
        ...(input.action.beforeAppend ? { beforeAppend: input.action.beforeAppend(deps.vault) } : {}),
      });
      return outcomeResult(outcome, (accepted) => actionAccepted(accepted, input.action.created(draft)));
    },
  };
}
