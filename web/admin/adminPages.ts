import { Router } from 'express';
import { categoryNames, regionName } from '../../domain/routing';
import { OversightPage } from '../../read-api/oversight/oversightSchemas';
import { formatDateTime } from '../format';
import { html } from '../html';
import { pageResult, pageRoute } from '../http/pageRoute';
import type { PageContext } from '../http/pageContext';
import type { PortalDependencies } from '../portalDependencies';
import { signInFirstPage, staffCaseRoutes, unavailablePage } from '../staff/staffCaseRoutes';
import { summaryTable } from '../staff/summaryTable';
import type { CaseView } from '../views/caseView';
import { adminActions, proposedAgencyOf } from './adminActions';

/** The verification queue: every open complaint no agency owns (the unowned list with no age limit), longest waiting first. */
const QUEUE_PATH = '/api/oversight/unowned?olderThanDays=0&limit=100';

/**
 * The SP4N admin's console: the verification queue with the agency the routing table proposes
 * for each complaint, and a case page with the forms to dispose, reject, hold, ask, merge,
 * redact and make confidential.
 */
export function adminPages(deps: PortalDependencies): Router {
  const router = Router();
  const agencyName = (id: string | undefined): string => (id === undefined ? '' : (deps.agencies.get(id)?.name ?? id));
  const caseHref = (complaintId: string) => `/admin/complaints/${complaintId}`;
  router.get(
    '/admin',
    pageRoute(deps.logger, async (_req, ctx) => {
      const { t, language } = ctx;
      if (ctx.actor?.role !== 'admin') return signInFirstPage(ctx);
      const answer = await deps.api.get(QUEUE_PATH, OversightPage, ctx.caller);
      if (!answer.ok) return unavailablePage(ctx);
      return pageResult(
        t('admin.title'),
        html`<p>${t('admin.lead')}</p>
${summaryTable(ctx, t('admin.queue'), answer.body.items, caseHref, [
  { heading: t('complaint.category'), cell: (c) => categoryNames[c.category as keyof typeof categoryNames]?.[language] ?? c.category },
  { heading: t('complaint.region'), cell: (c) => regionName(c.regionCode) ?? c.regionCode },
  { heading: t('complaint.submittedAt'), cell: (c) => html`<time datetime="${c.submittedAt}">${formatDateTime(c.submittedAt, language)}</time>` },
  { heading: t('admin.proposedAgency'), cell: (c) => agencyName(proposedAgencyOf(c)) || t('admin.noProposal') },
])}`,
      );
    }),
  );
  router.use(
    staffCaseRoutes(deps, {
      base: '/admin',
      role: 'admin',
      actions: adminActions,
      casePath: (_actor, complaintId) => `/api/oversight/complaints/${complaintId}`,
      caseAside: (ctx: PageContext, view: CaseView) => {
        const proposed = proposedAgencyOf(view);
        return html`<p class="notice" data-testid="proposal">${proposed === undefined ? ctx.t('admin.noProposal') : ctx.t('admin.proposal', { agency: agencyName(proposed) })}</p>`;
      },
    }),
  );
  return router;
}
