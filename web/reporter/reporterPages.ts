import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { pageOf } from '../../read-api/pagination';
import { CaseViewSchema } from '../../read-api/views/caseViewSchema';
import { formatDate } from '../format';
import { fieldErrorsOf, formErrorsOf } from '../forms';
import { html } from '../html';
import { COOKIES } from '../http/cookies';
import type { PageContext } from '../http/pageContext';
import { notFoundPage, pageResult, pageRoute, redirectTo, withCookie, type PageResult } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';
import { caseViewHtml, type CaseView } from '../views/caseView';
import { actionBody, offeredActions, ReporterAction, ReporterActionForm } from './reporterActions';
import { reporterAccessTo, type ReporterAccess } from './reporterAccess';
import { reporterFormsHtml, type FailedForm } from './reporterForms';

const OwnComplaints = pageOf(CaseViewSchema);
const Done = z.object({ done: ReporterAction.optional() }).catch({});
const AnyAnswer = z.unknown();

const unavailable = (ctx: PageContext): PageResult => pageResult(ctx.t('common.unavailable'), html`<p>${ctx.t('common.unavailable')}</p>`, 503);

/** The tracking page's message, with the way back to it (the tracking id filled in). */
const trackNotFound = (ctx: PageContext, trackingId: string): PageResult =>
  pageResult(ctx.t('track.title'), html`<p class="error" role="alert">${ctx.t('track.notFound')}</p><p><a href="/track?${new URLSearchParams({ trackingId }).toString()}">${ctx.t('track.title')}</a></p>`, 404);

/** A receipt that no longer opens its complaint (wrong, or the code changed): dropped, and the tracking page's message shown. */
const receiptNotFound = (ctx: PageContext, trackingId: string): PageResult => withCookie(trackNotFound(ctx, trackingId), { name: COOKIES.receipt, clear: true });

/** No receipt for this complaint (never tracked, or its half hour ran out) and no reporter login: track it again. */
const noAccess = (ctx: PageContext, trackingId: string): PageResult => (ctx.actor === undefined ? trackNotFound(ctx, trackingId) : notFoundPage(ctx));

type Loaded = { readonly ok: true; readonly view: CaseView } | { readonly ok: false; readonly page: PageResult };

async function loadComplaint(deps: PortalDependencies, ctx: PageContext, trackingId: string, access: ReporterAccess): Promise<Loaded> {
  const answer = await deps.api.get(`/api/reporter/complaints/${encodeURIComponent(trackingId)}`, CaseViewSchema, access.caller);
  if (answer.ok) return { ok: true, view: answer.body };
  if (answer.status === 429 || answer.status >= 500) return { ok: false, page: unavailable(ctx) };
  return { ok: false, page: access.by === 'receipt' ? receiptNotFound(ctx, trackingId) : notFoundPage(ctx) };
}

function complaintPage(ctx: PageContext, deps: PortalDependencies, view: CaseView, notice: ReporterAction | undefined, failed?: FailedForm, status?: number): PageResult {
  return pageResult(
    view.title,
    html`${notice && html`<p class="notice" role="status">${ctx.t('reporter.done')}</p>`}
${caseViewHtml(ctx, deps.agencies, view)}
${reporterFormsHtml(ctx, view.trackingId, offeredActions(view, new Date()), failed)}`,
    status,
  );
}

/**
 * A reporter's own complaints: the list for a signed-in reporter, and one complaint with the
 * conversation and the forms to reply, supplement, rate and reopen, for its reporter or the
 * holder of its receipt. Each form posts here, the API decides, and the page comes back (303).
 */
export function reporterPages(deps: PortalDependencies): Router {
  const router = Router();
  router.get(
    '/my',
    pageRoute(deps.logger, async (_req, ctx) => {
      const { t, language } = ctx;
      if (ctx.actor?.role !== 'reporter') {
        return pageResult(t('nav.mine'), html`<p>${t('reporter.signInFirst')}</p><p><a class="button" href="/track">${t('nav.track')}</a></p>`);
      }
      const answer = await deps.api.get('/api/reporter/complaints?limit=100', OwnComplaints, ctx.caller);
      if (!answer.ok) return unavailable(ctx);
      const items = answer.body.items;
      return pageResult(
        t('nav.mine'),
        items.length === 0
          ? html`<p>${t('reporter.empty')}</p>`
          : html`<ul class="complaints" role="list" data-testid="own-complaints">${items.map(
              (c) => html`<li class="card"><h2><a href="/my/${encodeURIComponent(c.trackingId)}">${c.title}</a></h2>
<p><span class="badge">${t(`status.${c.status}`)}</span> ${c.trackingId} · ${t('browse.submittedOn', { date: formatDate(c.submittedAt, language) })}</p></li>`,
            )}</ul>`,
      );
    }),
  );
  router.get(
    '/my/:trackingId',
    pageRoute(deps.logger, async (req, ctx) => {
      const trackingId = String(req.params.trackingId);
      const access = reporterAccessTo(req, ctx, trackingId);
      if (access === undefined) return noAccess(ctx, trackingId);
      const loaded = await loadComplaint(deps, ctx, trackingId, access);
      return loaded.ok ? complaintPage(ctx, deps, loaded.view, Done.parse(req.query).done) : loaded.page;
    }),
  );
  router.post(
    '/my/:trackingId/:action',
    pageRoute(deps.logger, async (req, ctx) => {
      const trackingId = String(req.params.trackingId);
      const action = ReporterAction.safeParse(req.params.action);
      if (!action.success) return notFoundPage(ctx);
      const access = reporterAccessTo(req, ctx, trackingId);
      if (access === undefined) return noAccess(ctx, trackingId);
      /** The complaint's page again with this form's errors: read only when needed (each read by receipt spends an access-code try). */
      const again = async (failed: FailedForm, status: number): Promise<PageResult> => {
        const loaded = await loadComplaint(deps, ctx, trackingId, access);
        return loaded.ok ? complaintPage(ctx, deps, loaded.view, undefined, failed, status) : loaded.page;
      };
      const form = ReporterActionForm.safeParse(req.body);
      if (!form.success) return again({ action: action.data, errors: formErrorsOf(form.error), form: {} }, 400);
      // A receipt acts through the receipt route by tracking id; a login through the complaint's own route, by its id.
      let path = `/api/reporter/complaints/${encodeURIComponent(trackingId)}/${action.data}`;
      if (access.by === 'account') {
        const loaded = await loadComplaint(deps, ctx, trackingId, access);
        if (!loaded.ok) return loaded.page;
        path = `/api/complaints/${loaded.view.complaintId}/${action.data}`;
      }
      const answer = await deps.api.post(path, actionBody(action.data, form.data), AnyAnswer, access.caller, form.data.idempotencyKey);
      if (answer.ok) return redirectTo(`/my/${encodeURIComponent(trackingId)}?done=${action.data}`);
      if (answer.status === 404 && access.by === 'receipt') return receiptNotFound(ctx, trackingId);
      if (answer.status === 429 || answer.status >= 500) return unavailable(ctx);
      const errors = answer.status === 400 ? fieldErrorsOf(answer.problem) : { _form: ctx.t('reporter.refused', { reason: answer.problem.detail ?? answer.problem.title }) };
      // A refusal is remembered under its Idempotency-Key: the next try needs a new one. A 400 is not, so the key stays.
      const typed = answer.status === 400 ? form.data : { ...form.data, idempotencyKey: randomUUID() };
      return again({ action: action.data, errors, form: typed }, answer.status);
    }),
  );
  return router;
}
