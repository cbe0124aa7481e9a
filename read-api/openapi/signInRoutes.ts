import { SignInAccepted, SignedIn, SignInRequestBody, SignInVerifyBody } from '../../commands/http/reporterSignInRouter';
import { commonProblems, problemResponse } from './problemSchema';
import type { ResponseDescription, RouteDescription } from './routeDescription';

const bodyProblems = {
  400: commonProblems[400],
  413: problemResponse('The request body is too large'),
  415: problemResponse('The request body is not JSON'),
  500: commonProblems[500],
} as const satisfies Record<number, ResponseDescription>;

/** Reporter sign-in (commands/http/reporterSignInRouter.ts): a one-time code for a reporter token. */
export const signInRouteDescriptions: RouteDescription[] = [
  {
    method: 'post',
    path: '/api/reporters/sign-in',
    operationId: 'requestSignInCode',
    summary: 'Ask for a one-time sign-in code, sent by SMS to the phone or by e-mail to the address',
    description: 'The same 202 whether or not an account has this contact. A new code replaces the last; it works for 10 minutes and 5 tries.',
    tag: 'commands',
    auth: 'none',
    request: { body: SignInRequestBody },
    responses: {
      202: { description: 'Accepted: a code is on its way if an account has this contact', body: SignInAccepted },
      ...bodyProblems,
      429: problemResponse('Too many code requests from this address or for this contact this hour; see Retry-After'),
    },
  },
  {
    method: 'post',
    path: '/api/reporters/sign-in/verify',
    operationId: 'verifySignInCode',
    summary: 'Trade the code for a reporter bearer token (the code is used up)',
    tag: 'commands',
    auth: 'none',
    request: { body: SignInVerifyBody },
    responses: {
      200: { description: 'Signed in: a bearer token of the reporter role', body: SignedIn },
      ...bodyProblems,
      401: problemResponse('The code is wrong, expired, used or out of tries, or the contact has no account: all answer the same'),
      429: problemResponse('Too many code tries from this address this hour; see Retry-After'),
    },
  },
];
