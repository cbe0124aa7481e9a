import { Router } from 'express';
import { z } from 'zod';
import { ComplaintHistory } from '../../read-api/oversight/complaintHistorySchema';
import { ComplianceMonths, CompliancePage, OversightPage } from '../../read-api/oversight/oversightSchemas';
import { CaseViewSchema } from '../../read-api/views/caseViewSchema';
import { html } from '../html';
import type { PageContext } from '../http/pageContext';
import { notFoundPage, pageResult, pageRoute, redirectTo, type PageResult } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';
import { caseFileHtml } from './caseFile';
import { complaintTable, WATCH_LISTS, watchListHeading, type WatchList } from './complaintTables';
import { dashboardHtml } from './dashboard';

const SIGN_IN = '/staff/sign-in';
const ComplaintId = z.uuid();
const WatchListParam = z.enum(WATCH_LISTS);
/** A cursor as the API gave it; anything else in the address is ignored. */
const ListQuery = z.object({ cursor: z.string().max(500).optional() }).catch({});

const forbidden = (ctx: PageContext): PageResult => pageResult(ctx.t('oversight.title'), html`<p class="error">${ctx.t('oversight.forbidden')}</p>`, 403);
const unavailable = (ctx: PageContext): PageResult => pageResult(ctx.t('common.unavailable'), html`<p>${ctx.t('common.unavailable')}</p>`, 503);

/**
 * The Ombudsman's dashboard and case pages (SP4N admins may see them too). Who may see what
 * is the API's decision: a visitor is sent to sign in, another role gets the API's refusal.
 */
export function oversightPages(deps: PortalDependencies): Router {
  const router = Router();
  router.get(
    '/ombudsman',
    pageRoute(deps.logger, async (_req, ctx) => {
      if (ctx.actor === undefined) return redirectTo(SIGN_IN);
      const firstPageOf = (list: WatchList) => deps.api.get(`/api/oversight/${list}`, OversightPage, ctx.caller);
      const [breaches, bouncing, unowned, compliance, months] = await Promise.all([
        firstPageOf('breaches'),
        firstPageOf('bouncing'),
        firstPageOf('unowned'),
        deps.api.get('/api/oversight/agencies', CompliancePage, ctx.caller),
        deps.api.get('/api/oversight/compliance/months?limit=12', ComplianceMonths, ctx.caller),
      ]);
      if (!breaches.ok || !bouncing.ok || !unowned.ok || !compliance.ok || !months.ok) return breaches.status === 403 ? forbidden(ctx) : unavailable(ctx);
      return pageResult(
        ctx.t('oversight.title'),
        dashboardHtml(ctx, deps.agencies, { breaches: breaches.body, bouncing: bouncing.body, unowned: unowned.body, compliance: compliance.body, months: months.body }),
      );
    }),
  );
  router.get(
    '/ombudsman/:list',
    pageRoute(deps.logger, async (req, ctx) => {
      if (ctx.actor === undefined) return redirectTo(SIGN_IN);
      const list = WatchListParam.safeParse(req.params.list);
      if (!list.success) return notFoundPage(ctx);
      const { cursor } = ListQuery.parse(req.query);
      const answer = await deps.api.get(`/api/oversight/${list.data}?${new URLSearchParams({ limit: '100', ...(cursor === undefined ? {} : { cursor }) }).toString()}`, OversightPage, ctx.caller);
      if (!answer.ok) return answer.status === 403 ? forbidden(ctx) : answer.status === 400 ? notFoundPage(ctx) : unavailable(ctx);
      const more = (next: string) => ({ href: `/ombudsman/${list.data}?${new URLSearchParams({ cursor: next }).toString()}`, label: ctx.t('common.next') });
      return pageResult(watchListHeading(ctx, list.data), html`<p><a href="/ombudsman">${ctx.t('oversight.back')}</a></p>${complaintTable(ctx, deps.agencies, list.data, answer.body, more)}`);
    }),
  );
  router.get(
    '/ombudsman/complaints/:id',
    pageRoute(deps.logger, async (req, ctx) => {
      if (ctx.actor === undefined) return redirectTo(SIGN_IN);
      const id = ComplaintId.safeParse(req.params.id);
      if (!id.success) return notFoundPage(ctx);
      // The file first: its read of the reporter's identity is recorded before the history is read, so the history shows it.
      const file = await deps.api.get(`/api/oversight/complaints/${id.data}`, CaseViewSchema, ctx.caller);
      if (!file.ok) return file.status === 404 ? notFoundPage(ctx) : unavailable(ctx);
      const history = await deps.api.get(`/api/oversight/complaints/${id.data}/history`, ComplaintHistory, ctx.caller);
      if (!history.ok) return unavailable(ctx);
      return pageResult(ctx.t('oversight.caseTitle', { trackingId: file.body.trackingId }), caseFileHtml(ctx, deps.agencies, file.body, history.body));
    }),
  );
  return router;
}
