import { z } from 'zod';
import { IdempotencyKeyHeader } from '../../app/http/idempotency/idempotencyKey';
import { complaintActions, reporterActions } from '../../commands/http/complaintActions';
import { IfMatch } from '../../commands/http/ifMatch';
import { AccessCodeHeader, ReceiptActionParams } from '../../commands/http/receiptActionRouter';
import { RegisterReporterBody } from '../../commands/http/registerReporterRoute';
import { submitComplaintBody } from '../../commands/http/submitComplaintBody';
import { AccessCode } from '../../domain/accessCode';
import { AccountId, type AgencyDirectory } from '../../domain/complaint';
import { TrackingId } from '../../domain/trackingId';
import { commonProblems, problemResponse } from './problemSchema';
import { signInRouteDescriptions } from './signInRoutes';
import type { ResponseDescription, RouteDescription } from './routeDescription';

/*
 * The write side's routes (commands/http/commandRouter.ts) described with the schemas those
 * routes parse with. They are mounted there, not from these descriptions, so
 * test/read-api/openApiCoverage checks that every mounted route is described.
 */

const PostHeaders = z.object({ 'idempotency-key': IdempotencyKeyHeader.shape['idempotency-key'].optional() });
const ActionHeaders = PostHeaders.extend({ 'if-match': IfMatch.shape['if-match'].optional() });

/** Problems every POST can answer besides 400/401/500. */
const postProblems = {
  409: problemResponse('The complaint is not in a state that allows this, or a request with this Idempotency-Key is still running'),
  413: problemResponse('The request body is too large'),
  415: problemResponse('The request body is not JSON'),
  422: problemResponse('The Idempotency-Key was first used with a different request'),
} as const satisfies Record<number, ResponseDescription>;

export const Receipt = z.object({ id: z.uuid(), trackingId: TrackingId, accessCode: AccessCode }).strict();

const submitRoute = (agencies: AgencyDirectory): RouteDescription => ({
  method: 'post',
  path: '/api/complaints',
  operationId: 'submitComplaint',
  summary: 'File a complaint (an account optional); the receipt carries the only copy of the access code',
  tag: 'commands',
  auth: 'optional',
  request: { headers: PostHeaders, body: submitComplaintBody(agencies) },
  responses: {
    201: { description: 'Filed; Location names the complaint', body: Receipt },
    400: commonProblems[400],
    401: commonProblems[401],
    ...postProblems,
    409: problemResponse('The account was erased, or a request with this Idempotency-Key is still running'),
    429: problemResponse('Too many complaints from this address, phone or account this hour (when limits are configured); see Retry-After'),
    500: commonProblems[500],
    503: problemResponse('The complaint was contended; retry'),
  },
});

const ActionParams = z.object({ id: z.uuid() }).strict();

/** What an accepted action answers; creating actions add the id of what they created (followUpId, findingId). */
function actionAnswer(createdFields: readonly string[]): z.ZodType {
  const created = Object.fromEntries(createdFields.map((field) => [field, z.uuid()]));
  return z.object({ complaintId: z.uuid(), revision: z.int().min(0), events: z.array(z.string()), ...created }).strict();
}

/** The ids a creating action mints, found by asking the action itself with a sample draft. */
const SAMPLE_DRAFT = { requestSeed: '00000000-0000-4000-8000-000000000000', entityId: '00000000-0000-4000-8000-000000000001' };

function actionRoutes(): RouteDescription[] {
  return Object.entries(complaintActions).map(([name, action]) => ({
    method: 'post',
    path: `/api/complaints/{id}/${name}`,
    operationId: `complaintAction_${name.replaceAll('-', '_')}`,
    summary: `Complaint action "${name}" (the domain decides who may)`,
    tag: 'commands',
    auth: 'bearer',
    request: { params: ActionParams, headers: ActionHeaders, body: action.body },
    responses: {
      200: { description: 'Accepted; ETag is the new revision', body: actionAnswer(Object.keys(action.created(SAMPLE_DRAFT))) },
      400: commonProblems[400],
      401: commonProblems[401],
      403: problemResponse('This role may not take this action on this complaint'),
      404: problemResponse('No such complaint'),
      ...postProblems,
      412: problemResponse('If-Match names an older revision; ETag carries the current one'),
      500: commonProblems[500],
      503: problemResponse('The complaint was contended; retry'),
    },
  }));
}

/** The reporter actions by receipt (commands/http/receiptActionRouter.ts), one operation each. */
function receiptActionRoutes(): RouteDescription[] {
  return Object.entries(reporterActions).map(([name, action]) => ({
    method: 'post',
    path: `/api/reporter/complaints/{trackingId}/${name}`,
    operationId: `receiptAction_${name}`,
    summary: `Reporter action "${name}" without an account: the tracking id and the receipt's access code in X-Access-Code`,
    description:
      'The same body as the account route. No token is read: the ledger records the anonymous public actor. An unknown tracking id and a wrong access code answer the same 404; tries count against the access-code allowance of the GET.',
    tag: 'commands',
    auth: 'none',
    request: { params: ReceiptActionParams, headers: ActionHeaders.extend(AccessCodeHeader.shape), body: action.body },
    responses: {
      200: { description: 'Accepted; ETag is the new revision', body: actionAnswer([]) },
      400: commonProblems[400],
      404: problemResponse('No complaint has this tracking id, or the access code does not match'),
      ...postProblems,
      412: problemResponse('If-Match names an older revision; ETag carries the current one'),
      429: problemResponse('Too many access-code tries from this address or for this complaint this hour; see Retry-After'),
      500: commonProblems[500],
      503: problemResponse('The complaint was contended; retry'),
    },
  }));
}

const eraseRoute: RouteDescription = {
  method: 'post',
  path: '/api/reporters/{id}/erase',
  operationId: 'eraseReporter',
  summary: "Erase a reporter's personal data (UU PDP 27/2022): the reporter themselves or an admin",
  tag: 'commands',
  auth: 'bearer',
  request: { params: z.object({ id: AccountId }).strict(), headers: PostHeaders, body: z.object({}).strict() },
  responses: {
    200: {
      description: 'The vault key is erased and each complaint of the account carries ReporterDataErased; `completed` turns true on a repeat once late complaints can no longer arrive (the scheduler also finishes it)',
      body: z.object({ reporterId: z.string(), erased: z.literal(true), complaintsMarked: z.number().int().nonnegative(), completed: z.boolean() }).strict(),
    },
    400: commonProblems[400],
    401: commonProblems[401],
    403: problemResponse('Only the reporter themselves or an admin may erase a reporter'),
    ...postProblems,
    500: commonProblems[500],
  },
};

const registerReporterRoute: RouteDescription = {
  method: 'post',
  path: '/api/reporters',
  operationId: 'registerReporter',
  summary: 'Register a reporter account: name, NIK and a phone number or email, all sealed in the personal-data vault',
  tag: 'commands',
  auth: 'optional',
  request: { headers: PostHeaders, body: RegisterReporterBody },
  responses: {
    201: { description: 'Registered', body: z.object({ reporterId: z.uuid() }).strict() },
    400: commonProblems[400],
    401: commonProblems[401],
    ...postProblems,
    409: problemResponse('The phone number or email address belongs to an account already, or a request with this Idempotency-Key is still running'),
    429: problemResponse('Too many registrations from this address this hour (when limits are configured); see Retry-After'),
    500: commonProblems[500],
  },
};

/** Every command route, as the document lists them. */
export const commandRouteDescriptions = (agencies: AgencyDirectory): RouteDescription[] => [submitRoute(agencies), ...actionRoutes(), ...receiptActionRoutes(), registerReporterRoute, ...signInRouteDescriptions, eraseRoute];
