import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { PUBLIC_ACTOR } from '../../app/http/authenticate';
import type { IdempotencyStore } from '../../app/http/idempotency/idempotencyStore';
import { postRoute, type PostRoute } from '../../app/http/postRoute';
import { parseInput } from '../../app/http/validation';
import type { TrackingId } from '../../domain/trackingId';
import { TrackingIdParameter } from '../../read-api/trackingIdParameter';
import type { AccessCodes } from '../accessCodeHash';
import type { HandleCommand } from '../handleCommand';
import type { ActionDraft } from './actionDraft';
import { complaintActionRoute } from './complaintActionRoute';
import { reporterActions, type ComplaintAction, type PersonalDataEraser } from './complaintActions';
import { ifMatchRevision } from './ifMatch';
import { openReceipt, receiptNotFound, type FindReceipt } from './receipt';

export const ReceiptActionParams = z.object({ trackingId: TrackingIdParameter }).strict();
export const AccessCodeHeader = z.object({
  'x-access-code': z.string().min(1).max(64).meta({ description: 'The access code printed on the receipt (any case, hyphens ignored)' }),
});

export interface ReceiptActionDependencies {
  readonly handle: HandleCommand;
  readonly vault: PersonalDataEraser;
  readonly accessCodes: Pick<AccessCodes, 'verify'>;
  readonly findReceipt: FindReceipt;
  readonly idempotency: IdempotencyStore;
  /** Counts access-code tries (the GET's allowance) before the route runs; none without. */
  readonly limitTries?: RequestHandler;
}

interface ReceiptActionInput {
  readonly trackingId: TrackingId;
  readonly accessCode: string;
  readonly body: object;
  readonly ifMatch: number | undefined;
}

/** One reporter action by receipt: the access code opens the complaint, then it runs as the account route's action does. */
function receiptActionRoute(action: ComplaintAction, deps: ReceiptActionDependencies): PostRoute<ReceiptActionInput, ActionDraft> {
  const onComplaint = complaintActionRoute(deps);
  return {
    parse: (req) => ({
      trackingId: parseInput(ReceiptActionParams, req.params, 'params').trackingId,
      accessCode: parseInput(AccessCodeHeader, { 'x-access-code': req.get('x-access-code') }, 'headers')['x-access-code'],
      // Actions without fields may be sent without a body.
      body: parseInput(action.body, req.body ?? {}, 'body'),
      ifMatch: ifMatchRevision(req.get('if-match')),
    }),
    draft: onComplaint.draft,
    async execute(input, context) {
      // Thrown, not answered: a wrong code is not remembered under the Idempotency-Key, so a retry with the right one runs.
      const { record, accessCodeHash } = await openReceipt(deps.accessCodes, input.accessCode, await deps.findReceipt(input.trackingId));
      const result = await onComplaint.execute({ complaintId: record.complaintId, action, body: input.body, ifMatch: input.ifMatch, receipt: { accessCodeHash } }, context);
      // The domain refuses a receipt that is not the complaint's as forbidden: the same 404 as a wrong code.
      if (result.status === 403) throw receiptNotFound();
      return result;
    },
  };
}

/**
 * `POST /api/reporter/complaints/{trackingId}/{reply|supplement|rate|reopen}`: a reporter without
 * an account acts with the receipt's access code in X-Access-Code. No token is read: the ledger
 * records the anonymous public actor, whoever holds the receipt.
 */
export function receiptActionRouter(deps: ReceiptActionDependencies): Router {
  const router = Router();
  const post = { idempotency: deps.idempotency, authenticate: async () => PUBLIC_ACTOR };
  for (const [name, action] of Object.entries(reporterActions)) {
    router.post(`/api/reporter/complaints/:trackingId/${name}`, ...(deps.limitTries ? [deps.limitTries] : []), postRoute(post, receiptActionRoute(action, deps)));
  }
  return router;
}
