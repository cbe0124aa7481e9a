import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../../eventstore/metadata';
import { CaseViewSchema } from '../../read-api/views/caseViewSchema';
import { fieldErrorsOf, formErrorsOf } from '../forms';
import { html, type HtmlValue } from '../html';
import type { PageContext } from '../http/pageContext';
import { notFoundPage, pageResult, pageRoute, redirectTo, type PageResult } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';
import { caseViewHtml, type CaseView } from '../views/caseView';
import { caseActionsHtml, StaffActionForm, type CaseAction, type FailedAction } from './caseActions';

const Done = z.object({ done: z.string().max(50).optional() }).catch({});
const AnyAnswer = z.unknown();
const ComplaintId = z.uuid();

/** A staff console's case pages: where they live, who may use them, how the case is read, what can be done. */
export interface StaffConsole {
  readonly base: string;
  readonly role: Actor['role'];
  readonly actions: readonly CaseAction[];
  /** The API path of the case as this actor may read it; undefined when the actor has no such console (an officer without an agency). */
  casePath(actor: Actor, complaintId: string): string | undefined;
  /** What the console shows above the case facts (the admin's proposed agency). */
  caseAside?(ctx: PageContext, view: CaseView): HtmlValue;
}

export const unavailablePage = (ctx: PageContext): PageResult => pageResult(ctx.t('common.unavailable'), html`<p>${ctx.t('common.unavailable')}</p>`, 503);

/** Staff consoles are for signed-in staff of their role: a visitor is sent to sign in, anyone else is told to sign in as staff. */
export const signInFirstPage = (ctx: PageContext): PageResult =>
  ctx.actor === undefined ? redirectTo('/staff/sign-in') : pageResult(ctx.t('staff.signInFirst'), html`<p><a class="button" href="/staff/sign-in">${ctx.t('nav.staff')}</a></p>`, 403);

/**
 * One complaint in a staff console, `{base}/complaints/{id}`: the case as the API gives this
 * actor, and a form per action. Each form posts to `{base}/complaints/{id}/{action}`, the API
 * decides, and the page comes back (303) with a confirmation, or with the refusal by the form.
 */
export function staffCaseRoutes(deps: PortalDependencies, console: StaffConsole): Router {
  const router = Router();
  const byName = new Map(console.actions.map((action) => [action.name, action]));

  async function casePage(ctx: PageContext, complaintId: string, done: string | undefined, failed?: FailedAction, status?: number): Promise<PageResult> {
    if (ctx.actor?.role !== console.role) return signInFirstPage(ctx);
    const path = console.casePath(ctx.actor, complaintId);
    if (path === undefined || !ComplaintId.safeParse(complaintId).success) return notFoundPage(ctx);
    const answer = await deps.api.get(path, CaseViewSchema, ctx.caller);
    if (!answer.ok) return answer.status === 404 || answer.status === 400 ? notFoundPage(ctx) : unavailablePage(ctx);
    const view = answer.body;
    return pageResult(
      view.title,
      html`${done !== undefined && byName.has(done) && html`<p class="notice" role="status">${ctx.t('staff.done')}</p>`}
${console.caseAside?.(ctx, view)}
${caseViewHtml(ctx, deps.agencies, view)}
${caseActionsHtml(ctx, view, `${console.base}/complaints/${view.complaintId}`, console.actions, failed)}`,
      status,
    );
  }

  router.get(
    `${console.base}/complaints/:id`,
    pageRoute(deps.logger, async (req, ctx) => casePage(ctx, String(req.params.id), Done.parse(req.query).done)),
  );
  router.post(
    `${console.base}/complaints/:id/:action`,
    pageRoute(deps.logger, async (req, ctx) => {
      const complaintId = String(req.params.id);
      const action = byName.get(String(req.params.action));
      if (ctx.actor?.role !== console.role) return signInFirstPage(ctx);
      if (action === undefined || !ComplaintId.safeParse(complaintId).success) return notFoundPage(ctx);
      const form = StaffActionForm.safeParse(req.body);
      if (!form.success) return casePage(ctx, complaintId, undefined, { action: action.name, errors: formErrorsOf(form.error), form: {} }, 400);
      const answer = await deps.api.post(`/api/complaints/${complaintId}/${action.name}`, action.body(form.data), AnyAnswer, ctx.caller, form.data.idempotencyKey);
      if (answer.ok) return redirectTo(`${console.base}/complaints/${complaintId}?done=${action.name}`);
      if (answer.status === 404) return notFoundPage(ctx);
      if (answer.status === 429 || answer.status >= 500) return unavailablePage(ctx);
      const errors = answer.status === 400 ? fieldErrorsOf(answer.problem) : { _form: ctx.t('staff.refused', { reason: answer.problem.detail ?? answer.problem.title }) };
      // A refusal is remembered under its Idempotency-Key: the next try needs a new one. A 400 is not, so the key stays.
      const typed = answer.status === 400 ? form.data : { ...form.data, idempotencyKey: randomUUID() };
      return casePage(ctx, complaintId, undefined, { action: action.name, errors, form: typed }, answer.status);
    }),
  );
  return router;
}
