import express, { Router } from 'express';
import { clearCookie, COOKIES, writeCookie } from './http/cookies';
import { isLanguage } from './http/language';
import { localPathOr } from './http/localPath';
import { notFoundPage, pageRoute } from './http/pageRoute';
import { sameOriginPosts } from './http/sameOriginPosts';
import { resolveSession } from './http/session';
import { adminPages } from './admin/adminPages';
import { agencyPages } from './agency/agencyPages';
import { oversightPages } from './oversight/oversightPages';
import type { PortalDependencies } from './portalDependencies';
import { publicPages } from './public/publicPages';
import { reporterPages } from './reporter/reporterPages';
import { staffSignInPages } from './staff/staffSignIn';

const ONE_YEAR_SECONDS = 365 * 86_400;
const NOT_PAGES = /^\/(api|metrics|healthz|readyz|open311)(\/|$)/;

/**
 * The web portal: server-rendered pages that work without JavaScript (forms post, links
 * navigate), in Bahasa Indonesia with an English switch. It calls the JSON API for
 * everything it shows or does.
 */
export function createPortal(deps: PortalDependencies): Router {
  const router = Router();
  // The API and the operational endpoints are not pages: leave them to their own routers.
  router.use((req, _res, next) => next(NOT_PAGES.test(req.path) ? 'router' : undefined));
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));
  router.use(sameOriginPosts);
  router.use(resolveSession(deps.verifyToken));

  router.get('/language/:language', (req, res) => {
    const language = req.params.language;
    if (isLanguage(language)) writeCookie(req, res, COOKIES.language, language, ONE_YEAR_SECONDS);
    res.redirect(303, localPathOr(req.query.return, '/'));
  });
  router.post('/sign-out', (req, res) => {
    clearCookie(req, res, COOKIES.session);
    clearCookie(req, res, COOKIES.receipt);
    res.redirect(303, '/');
  });

  router.use(publicPages(deps));
  router.use(staffSignInPages(deps));
  router.use(oversightPages(deps));
  router.use(reporterPages(deps));
  router.use(adminPages(deps));
  router.use(agencyPages(deps));
  // Any other address outside the API is a portal page that does not exist.
  router.get(/.*/, pageRoute(deps.logger, async (_req, ctx) => notFoundPage(ctx)));
  return router;
}
