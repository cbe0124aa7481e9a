import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ReporterTokens } from '../../app/auth/reporterTokens';
import { HttpProblem } from '../../app/http/httpProblem';
import { jsonResult } from '../../app/http/httpResult';
import { problem } from '../../app/http/problem';
import { sendResult } from '../../app/http/sendResult';
import { parseInput } from '../../app/http/validation';
import type { Logger } from '../../app/logger';
import { PersonalData } from '../../domain/personalData';
import type { EventStore } from '../../eventstore/port';
import { contactBlindIndex, type Contact } from '../reporter/contactBlindIndex';
import type { ReporterContacts } from '../reporter/reporterContacts';
import { loadReporter } from '../reporter/reporterStream';
import { SIGN_IN_CODE_TTL_SECONDS, SignInCode, newSignInCode, signInCodeExpiry, signInCodeHash, signInCodeKey } from '../reporter/signInCode';
import type { SignInCodes } from '../reporter/signInCodes';
import { deliverSignInCode, type SignInPorts } from '../reporter/signInDelivery';

const contactFields = { phone: PersonalData.shape.phone, email: PersonalData.shape.email };
const oneContact = { check: (body: { phone?: string; email?: string }) => (body.phone === undefined) !== (body.email === undefined), issue: { path: ['phone'], message: 'give a phone number or an email address (one of them)' } };

export const SignInRequestBody = z.object(contactFields).strict().refine(oneContact.check, oneContact.issue);
export const SignInVerifyBody = z
  .object({ ...contactFields, code: SignInCode })
  .strict()
  .refine(oneContact.check, oneContact.issue);

export const SignInAccepted = z.object({ detail: z.string(), codeValidSeconds: z.int().positive() }).strict();
export const SignedIn = z.object({ reporterId: z.string(), accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.int().positive() }).strict();

export interface ReporterSignInDependencies extends SignInPorts {
  readonly store: EventStore;
  readonly contacts: Pick<ReporterContacts, 'accountOf'>;
  readonly codes: Pick<SignInCodes, 'issue' | 'redeem'>;
  readonly contactIndexKey: Uint8Array;
  readonly tokens: Pick<ReporterTokens, 'issue'>;
  readonly clock: () => Date;
  /** A failure to issue or deliver a code is logged (without the code): it happens after the answer. */
  readonly logger: Logger;
  /** Rate limits of the code requests and of the tries, when configured. */
  readonly limits?: { readonly request: RequestHandler; readonly verify: RequestHandler };
}

/** The one contact a sign-in body names. */
export const contactOf = (body: { phone?: string | undefined; email?: string | undefined }): Contact => (body.phone !== undefined ? { phone: body.phone } : { email: body.email! });

const accepted = jsonResult(202, {
  detail: 'if an account has this phone number or email address, a sign-in code is on its way to it',
  codeValidSeconds: SIGN_IN_CODE_TTL_SECONDS,
});

/** One answer for every failure, so a caller learns nothing of why (no account, wrong, used, expired, out of tries). */
const signInFailed = new HttpProblem(problem(401, 'sign_in_failed', 'Sign-in failed', { detail: 'the code is not valid for this phone number or email address; ask for a new code' }), {
  'www-authenticate': 'Bearer realm="lapor"',
});

/**
 * `POST /api/reporters/sign-in` and `/sign-in/verify`: a one-time code, by SMS or e-mail, for
 * a reporter token. The request answers the same 202 whether or not the contact has an
 * account, before looking, so neither the answer nor its timing tells who has one.
 */
export function reporterSignInRouter(deps: ReporterSignInDependencies): Router {
  const router = Router();
  const codeKey = signInCodeKey(deps.contactIndexKey);
  const limited = (handler: RequestHandler | undefined): RequestHandler[] => (handler === undefined ? [] : [handler]);
  const activeAccount = async (reporterId: string | undefined): Promise<string | undefined> => {
    if (reporterId === undefined) return undefined;
    const { state } = await loadReporter(deps.store, reporterId);
    return state.registered && state.erasure.kind === 'none' ? reporterId : undefined;
  };

  const sendCodeIfAccount = async (contact: Contact): Promise<void> => {
    const blindIndex = contactBlindIndex(deps.contactIndexKey, contact);
    const reporterId = await activeAccount(await deps.contacts.accountOf(blindIndex));
    if (reporterId === undefined) return;
    const code = newSignInCode();
    await deps.codes.issue(blindIndex, reporterId, signInCodeHash(codeKey, blindIndex, code), signInCodeExpiry(deps.clock()));
    await deliverSignInCode(deps, contact, code);
  };

  router.post('/api/reporters/sign-in', ...limited(deps.limits?.request), async (req, res) => {
    const contact = contactOf(parseInput(SignInRequestBody, req.body, 'body'));
    sendResult(res, accepted);
    // After the answer: whether the contact has an account shows neither in it nor in its timing
    // (a known contact costs a ledger read, a write and a gateway call). A failure is only logged.
    void sendCodeIfAccount(contact).catch((error: unknown) =>
      deps.logger.warn({ component: 'sign-in', channel: 'phone' in contact ? 'sms' : 'email', error: error instanceof Error ? error.message : String(error) }, 'sign-in code not sent'),
    );
  });

  router.post('/api/reporters/sign-in/verify', ...limited(deps.limits?.verify), async (req, res) => {
    const body = parseInput(SignInVerifyBody, req.body, 'body');
    const blindIndex = contactBlindIndex(deps.contactIndexKey, contactOf(body));
    const reporterId = await activeAccount(await deps.codes.redeem(blindIndex, signInCodeHash(codeKey, blindIndex, body.code), deps.clock()));
    if (reporterId === undefined) throw signInFailed;
    const { token, expiresInSeconds } = await deps.tokens.issue(reporterId);
    sendResult(res, jsonResult(200, { reporterId, accessToken: token, tokenType: 'Bearer', expiresIn: expiresInSeconds }, { 'cache-control': 'no-store' }));
  });
  return router;
}
