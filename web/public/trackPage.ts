import { Router } from 'express';
import { z } from 'zod';
import { html } from '../html';
import { COOKIES } from '../http/cookies';
import type { PageContext } from '../http/pageContext';
import { pageResult, pageRoute, redirectTo, withCookie, type PageResult } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';

const TrackForm = z.object({ trackingId: z.string().trim().max(40).default(''), accessCode: z.string().trim().max(40).default('') });
/** A code holder's session lasts while they work on it, not for days on a shared computer. */
const RECEIPT_SESSION_SECONDS = 30 * 60;

/** The reporter's receipt in the cookie: "tracking id:access code". */
export const receiptCookieValue = (trackingId: string, accessCode: string): string => `${trackingId}:${accessCode}`;

function trackForm(ctx: PageContext, trackingId: string, error?: string, status?: number): PageResult {
  const { t } = ctx;
  return pageResult(
    t('track.title'),
    html`<p>${t('track.lead')}</p>
${error && html`<p class="error" role="alert">${error}</p>`}
<form method="post" action="/track" class="card">
  <div class="field"><label for="trackingId">${t('track.trackingId')}</label><input type="text" id="trackingId" name="trackingId" required autocomplete="off" value="${trackingId}"></div>
  <div class="field"><label for="accessCode">${t('track.accessCode')} <span class="hint">(${t('common.optional')})</span></label><input type="password" id="accessCode" name="accessCode" autocomplete="off"></div>
  <button type="submit" id="show">${t('track.show')}</button>
</form>`,
    status,
  );
}

/**
 * Tracking: the tracking id alone opens the public page (status only when confidential);
 * with the access code, the API checks it and the reporter's own page opens.
 */
export function trackPage(deps: PortalDependencies): Router {
  const router = Router();
  router.get('/track', pageRoute(deps.logger, async (req, ctx) => trackForm(ctx, TrackForm.catch({ trackingId: '', accessCode: '' }).parse(req.query).trackingId)));
  router.post(
    '/track',
    pageRoute(deps.logger, async (req, ctx) => {
      const form = TrackForm.catch({ trackingId: '', accessCode: '' }).parse(req.body);
      if (form.trackingId === '') return trackForm(ctx, '', ctx.t('track.notFound'), 400);
      const path = encodeURIComponent(form.trackingId.toUpperCase());
      if (form.accessCode === '') return redirectTo(`/complaints/${path}`);
      const answer = await deps.api.get(`/api/reporter/complaints/${path}`, z.object({ trackingId: z.string() }).loose(), { ...ctx.caller, accessCode: form.accessCode });
      if (!answer.ok) return trackForm(ctx, form.trackingId, answer.status === 429 ? ctx.t('common.unavailable') : ctx.t('track.notFound'), answer.status === 429 ? 429 : 404);
      return withCookie(redirectTo(`/my/${encodeURIComponent(answer.body.trackingId)}`), {
        name: COOKIES.receipt,
        value: receiptCookieValue(answer.body.trackingId, form.accessCode),
        maxAgeSeconds: RECEIPT_SESSION_SECONDS,
      });
    }),
  );
  return router;
}
