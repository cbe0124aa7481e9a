import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { Actor } from '../../eventstore/metadata';
import type { Authenticator } from './authenticate';
import { HttpProblem } from './httpProblem';
import { problemResult, StoredHttpResult, type HttpResult } from './httpResult';
import { IdempotencyKeyHeader, idempotencyKey, requestFingerprint, type IdempotencyKey } from './idempotency/idempotencyKey';
import type { IdempotencyStore } from './idempotency/idempotencyStore';
import { problem } from './problem';
import { requestIdOf } from './requestIds';
import { sendResult } from './sendResult';
import { parseInput } from './validation';

export interface RouteContext<Draft> {
  readonly actor: Actor;
  readonly requestId: string;
  /** Ids and secrets minted for this request; the same again when a crashed execution is re-run. */
  readonly draft: Draft;
  /** False when the draft comes from an earlier execution of this request (one taken over after a crash), which may have written already. */
  readonly draftIsNew: boolean;
}

/**
 * A POST route in three steps: parse (400s, nothing stored), mint a draft, execute.
 * Execution answers with a value, so the response can be stored and replayed.
 */
export interface PostRoute<Input, Draft> {
  parse(req: Request, actor: Actor): Input;
  readonly draft: { readonly schema: z.ZodType<Draft>; mint(): Draft };
  execute(input: Input, context: RouteContext<Draft>): Promise<HttpResult>;
}

export interface PostRouteDependencies {
  readonly authenticate: Authenticator;
  readonly idempotency: IdempotencyStore;
  /** How long a retry waits for the first request with its key to finish. */
  readonly inProgressWaitMs?: number;
}

const REPLAYED = { 'idempotent-replayed': 'true' };
const POLL_MS = 25;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const keyMismatch = problemResult(
  problem(422, 'idempotency_key_reused', 'Idempotency key reused with another request', {
    detail: 'this Idempotency-Key was first used with a different request; use a new key for a new request',
  }),
);
const keyInUse = problemResult(
  problem(409, 'idempotency_key_in_use', 'A request with this idempotency key is still running', { detail: 'retry shortly' }),
  { 'retry-after': '1' },
);

/** Wraps a route with authentication and the Idempotency-Key protocol. */
export function postRoute<Input, Draft>(deps: PostRouteDependencies, route: PostRoute<Input, Draft>): RequestHandler {
  return async (req, res) => {
    const actor = await deps.authenticate(req);
    const input = route.parse(req, actor);
    const rawKey = req.get('idempotency-key');
    const context = { actor, requestId: requestIdOf(req) };
    if (rawKey === undefined) {
      sendResult(res, await route.execute(input, { ...context, draft: route.draft.mint(), draftIsNew: true }));
      return;
    }
    const key = idempotencyKey(`${actor.role}:${actor.id}`, parseInput(IdempotencyKeyHeader, { 'idempotency-key': rawKey }, 'headers')['idempotency-key']);
    const fingerprint = requestFingerprint({ method: req.method, path: req.path, ifMatch: req.get('if-match'), body: req.body });
    sendResult(res, await executeOnce(deps, route, input, context, key, fingerprint));
  };
}

async function executeOnce<Input, Draft>(
  deps: PostRouteDependencies,
  route: PostRoute<Input, Draft>,
  input: Input,
  context: Omit<RouteContext<Draft>, 'draft' | 'draftIsNew'>,
  key: IdempotencyKey,
  fingerprint: string,
): Promise<HttpResult> {
  const deadline = Date.now() + (deps.inProgressWaitMs ?? 2_000);
  for (;;) {
    const reservation = await deps.idempotency.reserve(key.recordId, fingerprint, key.seal('draft', route.draft.mint()));
    switch (reservation.kind) {
      case 'fingerprint_mismatch':
        return keyMismatch;
      case 'completed':
        return withReplayHeader(StoredHttpResult.parse(key.open('response', reservation.response)));
      case 'in_progress':
        if (Date.now() >= deadline) return keyInUse;
        await sleep(POLL_MS);
        continue;
      case 'execute': {
        const draft = route.draft.schema.parse(key.open('draft', reservation.draft));
        let result: HttpResult;
        try {
          result = await route.execute(input, { ...context, draft, draftIsNew: !reservation.takenOver });
        } catch (error) {
          await deps.idempotency.release(key.recordId, reservation.leaseToken);
          if (error instanceof HttpProblem) return problemResult(error.problem, error.headers);
          throw error;
        }
        // A server-side failure is not an answer to remember: the client's retry runs again.
        if (result.status >= 500) await deps.idempotency.release(key.recordId, reservation.leaseToken);
        else await deps.idempotency.complete(key.recordId, reservation.leaseToken, key.seal('response', result));
        return result;
      }
    }
  }
}

const withReplayHeader = (stored: HttpResult): HttpResult => ({ ...stored, headers: { ...stored.headers, ...REPLAYED } });
