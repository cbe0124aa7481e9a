import { Router } from 'express';
import type { PortalDependencies } from '../portalDependencies';
import { complaintPages } from './complaintPages';
import { homePage } from './homePage';
import { statsPage } from './statsPage';
import { submitPages } from './submitPages';
import { trackPage } from './trackPage';

/** Everything a visitor reaches without signing in. */
export function publicPages(deps: PortalDependencies): Router {
  const router = Router();
  for (const pages of [homePage, submitPages, trackPage, complaintPages, statsPage]) router.use(pages(deps));
  return router;
}
