import { Router } from 'express';
import { z } from 'zod';
import { ComplaintKind } from '../../domain/complaint';
import { categoryNames, ComplaintCategory } from '../../domain/routing';
import { PublicComplaintPage, PublicComplaintSummary } from '../../read-api/public/publicComplaintRoutes';
import { ComplaintStatusSchema } from '../../read-api/views/caseViewSchema';
import { fieldErrorsOf, option } from '../forms';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';
import { notFoundPage, pageResult, pageRoute, redirectTo } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';
import { caseViewHtml } from '../views/caseView';
import { complaintList } from './complaintList';

const SummaryPage = z.object({ items: z.array(PublicComplaintSummary), next: z.string().optional() });

/** What the browse form sends; anything else in the address is ignored, empty fields are no filter. */
const BrowseQuery = z.object({
  q: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  status: z.string().max(40).optional(),
  kind: z.string().max(40).optional(),
  cursor: z.string().max(500).optional(),
});

/** The "me too" button for a signed-in reporter; a visitor is told how to add their voice. */
function meTooForm(ctx: PageContext, trackingId: string, supported: boolean): SafeHtml {
  const { t } = ctx;
  if (supported) return html`<p class="notice" role="status">${t('complaint.supported')}</p>`;
  if (ctx.actor?.role !== 'reporter') return html`<p class="hint">${t('complaint.meTooSignIn')}</p>`;
  return html`<form method="post" action="/complaints/${encodeURIComponent(trackingId)}/support"><button type="submit" id="me-too">${t('submit.meToo')}</button></form>`;
}

/** Browse and search public complaints; one complaint's public page (status only when confidential). */
export function complaintPages(deps: PortalDependencies): Router {
  const router = Router();
  router.get(
    '/complaints',
    pageRoute(deps.logger, async (req, ctx) => {
      const { t, language } = ctx;
      const query = BrowseQuery.catch({}).parse(req.query);
      const filters = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v.trim() !== '')) as Record<string, string>;
      const answer = await deps.api.get(`/api/public/complaints?${new URLSearchParams({ ...filters, limit: '20' })}`, SummaryPage, ctx.caller);
      const errors = answer.ok ? {} : fieldErrorsOf(answer.problem, 'query.');
      const items = answer.ok ? answer.body.items : [];
      const next = answer.ok ? answer.body.next : undefined;
      return pageResult(
        t('browse.title'),
        html`<form method="get" action="/complaints" role="search" class="card">
  <div class="field"><label for="q">${t('browse.query')}</label>${errors.q && html`<p class="error" id="q-error">${errors.q}</p>`}<input type="search" id="q" name="q" value="${query.q ?? ''}"${errors.q ? html` aria-invalid="true" aria-describedby="q-error"` : ''}></div>
  <div class="field"><label for="category">${t('complaint.category')}</label><select id="category" name="category"><option value="">${t('browse.allCategories')}</option>${ComplaintCategory.options.map((c) => option(c, categoryNames[c][language], query.category))}</select></div>
  <div class="field"><label for="status">${t('complaint.status')}</label><select id="status" name="status"><option value="">${t('browse.allStatuses')}</option>${ComplaintStatusSchema.options.map((s) => option(s, t(`status.${s}`), query.status))}</select></div>
  <div class="field"><label for="kind">${t('submit.kind')}</label><select id="kind" name="kind"><option value="">${t('browse.allKinds')}</option>${ComplaintKind.options.map((k) => option(k, t(`kind.${k}`), query.kind))}</select></div>
  <button type="submit">${t('common.search')}</button>
</form>
${items.length === 0 ? html`<p>${t('browse.empty')}</p>` : complaintList(ctx, items)}
${next !== undefined && html`<p><a href="/complaints?${new URLSearchParams({ ...filters, cursor: next }).toString()}" rel="next">${t('common.next')}</a></p>`}
<p><a href="/api/public/complaints.csv">${t('stats.download')}</a></p>`,
        answer.ok ? 200 : 400,
      );
    }),
  );
  router.get(
    '/complaints/:trackingId',
    pageRoute(deps.logger, async (req, ctx) => {
      const answer = await deps.api.get(`/api/public/complaints/${encodeURIComponent(String(req.params.trackingId))}`, PublicComplaintPage, ctx.caller);
      if (!answer.ok) return notFoundPage(ctx);
      const view = answer.body;
      if (view.shape === 'status_only') {
        return pageResult(view.trackingId, html`<p class="notice">${ctx.t('complaint.statusOnly')}</p><p>${ctx.t('complaint.status')}: <span class="badge" data-testid="status">${ctx.t(`status.${view.status}`)}</span></p>`);
      }
      return pageResult(view.title, html`${caseViewHtml(ctx, deps.agencies, view)}${meTooForm(ctx, view.trackingId, req.query.supported === '1')}`);
    }),
  );
  // "Saya juga mengalami": a signed-in reporter supports an open complaint instead of filing it again.
  router.post(
    '/complaints/:trackingId/support',
    pageRoute(deps.logger, async (req, ctx) => {
      const trackingId = encodeURIComponent(String(req.params.trackingId));
      if (ctx.actor?.role !== 'reporter') return redirectTo(`/complaints/${trackingId}`);
      const view = await deps.api.get(`/api/public/complaints/${trackingId}`, PublicComplaintPage, ctx.caller);
      if (!view.ok || view.body.shape !== 'case') return notFoundPage(ctx);
      const answer = await deps.api.post(`/api/complaints/${view.body.complaintId}/support`, {}, z.unknown(), ctx.caller);
      if (!answer.ok) return pageResult(view.body.title, html`<p class="error" role="alert">${answer.problem.detail ?? answer.problem.title}</p>${caseViewHtml(ctx, deps.agencies, view.body)}`, answer.status);
      return redirectTo(`/complaints/${trackingId}?supported=1`);
    }),
  );
  return router;
}
