import { Router } from 'express';
import { QueuePage } from '../../read-api/agency/agencySchemas';
import { formatDateTime } from '../format';
import { html } from '../html';
import { notFoundPage, pageResult, pageRoute } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';
import { signInFirstPage, staffCaseRoutes, unavailablePage } from '../staff/staffCaseRoutes';
import { summaryTable } from '../staff/summaryTable';
import { agencyActions } from './agencyActions';

const agencyPath = (agencyId: string) => `/api/agencies/${encodeURIComponent(agencyId)}`;

/**
 * An agency officer's console: their agency's queue, most urgent first, with due dates and
 * overdue flags, and a case page with the forms to accept, decline, delegate, follow up and
 * resolve. The API shows an officer only their agency's cases; any other is the 404 page.
 */
export function agencyPages(deps: PortalDependencies): Router {
  const router = Router();
  router.get(
    '/agency',
    pageRoute(deps.logger, async (_req, ctx) => {
      const { t, language } = ctx;
      if (ctx.actor?.role !== 'agency_officer') return signInFirstPage(ctx);
      const agencyId = ctx.actor.agencyId;
      if (agencyId === undefined) return notFoundPage(ctx);
      const answer = await deps.api.get(`${agencyPath(agencyId)}/queue?limit=100`, QueuePage, ctx.caller);
      if (!answer.ok) return answer.status === 404 ? notFoundPage(ctx) : unavailablePage(ctx);
      const agencyName = deps.agencies.get(agencyId)?.name ?? agencyId;
      return pageResult(
        t('agency.title', { agency: agencyName }),
        html`<p>${t('agency.lead')}</p>
${summaryTable(ctx, t('agency.queue'), answer.body.items, (id) => `/agency/complaints/${id}`, [
  { heading: t('complaint.status'), cell: (c) => t(`status.${c.status}`) },
  {
    heading: t('agency.dueAt'),
    cell: (c) => c.deadline && html`<time datetime="${c.deadline.dueAt}">${formatDateTime(c.deadline.dueAt, language)}</time>${c.overdue && html` <span class="badge bad">${t('oversight.overdue')}</span>`}${c.escalated && html` <span class="badge">${t('agency.escalated')}</span>`}`,
  },
])}`,
      );
    }),
  );
  router.use(
    staffCaseRoutes(deps, {
      base: '/agency',
      role: 'agency_officer',
      actions: agencyActions(deps.agencies),
      casePath: (actor, complaintId) => (actor.agencyId === undefined ? undefined : `${agencyPath(actor.agencyId)}/complaints/${complaintId}`),
    }),
  );
  return router;
}
