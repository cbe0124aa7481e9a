import { Router } from 'express';
import { z } from 'zod';
import { TokenClaims } from '../../app/auth/tokenClaims';
import type { Actor } from '../../eventstore/metadata';
import { formErrorsOf, type FieldErrors } from '../forms';
import { html } from '../html';
import { COOKIES } from '../http/cookies';
import type { PageContext } from '../http/pageContext';
import { pageResult, pageRoute, redirectTo, withCookie, type PageResult } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';

/** A working day; the token's own expiry still applies (the session drops when it no longer verifies). */
const SESSION_SECONDS = 8 * 3600;
const DEV_ROLES = ['admin', 'agency_officer', 'ombudsman', 'reporter'] as const;

const TokenForm = z.object({ token: z.string().trim().min(1).max(8000) });
const DevForm = z.object({
  role: z.enum(DEV_ROLES),
  agencyId: z.string().trim().max(100).optional(),
  sub: z.string().trim().max(200).optional(),
});

/** Where each role works. */
export const homeOf = (actor: Actor): string =>
  ({ admin: '/admin', agency_officer: '/agency', ombudsman: '/ombudsman', reporter: '/my' })[actor.role as (typeof DEV_ROLES)[number]] ?? '/';

/**
 * Staff sign in with a token from the government SSO (pasted here, or posted by the SSO's
 * redirect); on the embedded default a clearly marked development login mints one.
 */
export function staffSignInPages(deps: PortalDependencies): Router {
  const router = Router();
  const signInPage = (ctx: PageContext, errors: FieldErrors = {}, status?: number): PageResult => {
    const { t } = ctx;
    return pageResult(
      t('signIn.title'),
      html`${Object.values(errors).map((e) => html`<p class="error" role="alert">${e}</p>`)}
<form method="post" action="/staff/sign-in" class="card">
  <div class="field"><label for="token">${t('signIn.token')}</label><p class="hint" id="token-hint">${t('signIn.tokenHint')}</p><textarea id="token" name="token" aria-describedby="token-hint" rows="4"></textarea></div>
  <button type="submit">${t('signIn.submit')}</button>
</form>
${deps.devLogin !== undefined && html`<form method="post" action="/staff/dev-sign-in" class="card" aria-labelledby="dev-login">
  <h2 id="dev-login">${t('signIn.devTitle')}</h2><p class="notice">${t('signIn.devWarning')}</p>
  <div class="field"><label for="role">${t('signIn.role')}</label><select id="role" name="role">${DEV_ROLES.map((r) => html`<option value="${r}">${r}</option>`)}</select></div>
  <div class="field"><label for="agencyId">${t('signIn.agency')}</label><p class="hint" id="agencyId-hint">${t('signIn.agencyHint')}</p><input type="text" id="agencyId" name="agencyId" aria-describedby="agencyId-hint"></div>
  <div class="field"><label for="sub">${t('signIn.subject')}</label><input type="text" id="sub" name="sub"></div>
  <button type="submit">${t('signIn.devSubmit')}</button>
</form>`}`,
      status,
    );
  };

  async function startSession(token: string): Promise<PageResult> {
    const actor = await deps.verifyToken(token);
    return withCookie(redirectTo(homeOf(actor)), { name: COOKIES.session, value: token, maxAgeSeconds: SESSION_SECONDS });
  }

  router.get('/staff/sign-in', pageRoute(deps.logger, async (_req, ctx) => signInPage(ctx)));
  router.post(
    '/staff/sign-in',
    pageRoute(deps.logger, async (req, ctx) => {
      const form = TokenForm.safeParse(req.body);
      if (!form.success) return signInPage(ctx, formErrorsOf(form.error), 400);
      try {
        return await startSession(form.data.token);
      } catch (error) {
        return signInPage(ctx, { token: error instanceof Error ? error.message : String(error) }, 401);
      }
    }),
  );
  router.post(
    '/staff/dev-sign-in',
    pageRoute(deps.logger, async (req, ctx) => {
      if (deps.devLogin === undefined) return signInPage(ctx, { _form: ctx.t('signIn.devDisabled') }, 404);
      const form = DevForm.safeParse(req.body);
      if (!form.success) return signInPage(ctx, formErrorsOf(form.error), 400);
      const { role, agencyId, sub } = form.data;
      const claims = TokenClaims.safeParse({ sub: sub || `dev-${role}${agencyId ? `-${agencyId}` : ''}`, role, ...(agencyId ? { agency_id: agencyId } : {}) });
      if (!claims.success) return signInPage(ctx, formErrorsOf(claims.error), 400);
      if (agencyId && !deps.agencies.exists(agencyId)) return signInPage(ctx, { agencyId: ctx.t('signIn.unknownAgency') }, 400);
      return startSession(await deps.devLogin(claims.data));
    }),
  );
  return router;
}
