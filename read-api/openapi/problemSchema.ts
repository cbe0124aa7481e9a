import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../../app/http/problem';
import type { ResponseDescription } from './routeDescription';

/** app/http/problem.ts's Problem as a schema, for the document (RFC 9457 with our `code` and `errors`). */
export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional(),
  })
  .meta({ description: 'RFC 9457 problem details; `errors` lists the failing fields of a 400' });

export const problemResponse = (description: string): ResponseDescription => ({ description, body: ProblemSchema, contentType: PROBLEM_CONTENT_TYPE });

/** Answers every route can give. */
export const commonProblems = {
  400: problemResponse('The request is not valid: `errors` names each failing field (`query.limit`, `headers.x-access-code`)'),
  401: problemResponse('The bearer token is missing, malformed, expired or not accepted'),
  404: problemResponse('No such resource, or not yours: both answer the same'),
  500: problemResponse('Internal error; the detail carries the request id only'),
  503: problemResponse('The read shows reporter identity and its access could not be recorded in the ledger: nothing shown; retry after the Retry-After seconds'),
} as const satisfies Record<number, ResponseDescription>;
