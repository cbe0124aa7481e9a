import { Router } from 'express';
import { html } from '../html';
import { pageResult, pageRoute } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';

export function homePage(deps: PortalDependencies): Router {
  const router = Router();
  router.get(
    '/',
    pageRoute(deps.logger, async (_req, ctx) =>
      pageResult(
        ctx.t('home.title'),
        html`<p>${ctx.t('home.lead')}</p><p><a class="button" href="/submit">${ctx.t('home.submitCta')}</a> <a class="button secondary" href="/track">${ctx.t('home.trackCta')}</a></p>`,
      ),
    ),
  );
  return router;
}
