import { Router } from 'express';
import { z } from 'zod';
import { searchTerms } from '../../projections/shared/searchTerms';
import { Receipt } from '../../read-api/openapi/commandRoutes';
import { PublicComplaintSummary } from '../../read-api/public/publicComplaintRoutes';
import { fieldErrorsOf, formErrorsOf, type FieldErrors } from '../forms';
import { html } from '../html';
import type { PageContext } from '../http/pageContext';
import { pageResult, pageRoute, type PageResult } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';
import { complaintList } from './complaintList';
import { StoredAttachment } from '../../commands/attachments/http/attachmentUploadRouter';
import { FILE_FIELD } from '../../commands/attachments/http/singleFileUpload';
import { readMultipartForm, type UploadedFile } from '../http/multipartForm';
import { attachedList, attachmentsOf, hiddenFields, MAX_PORTAL_ATTACHMENTS, submissionBody, submitFormHtml, SubmitForm } from './submitForm';

const SIMILAR_LIMIT = 5;
/** The portal holds a file in memory until the API has it: this bounds that; the API applies its own configured limit. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const EXTENSIONS: Readonly<Record<StoredAttachment['mediaType'], string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };
const OPEN = new Set(['submitted', 'awaiting_information', 'on_hold', 'returned_to_admin', 'disposed', 'in_progress']);
const SummaryPage = z.object({ items: z.array(PublicComplaintSummary), next: z.string().optional() });
const Step = z.enum(['review', 'send', 'edit']).catch('edit');

/**
 * Filing a complaint in three steps that need no JavaScript: the form; a review with similar
 * open complaints ("saya juga mengalami"); the receipt with the tracking id and the access code.
 * The form carries an idempotency key from its first render, so a double submit files once.
 */
export function submitPages(deps: PortalDependencies): Router {
  const router = Router();
  const formPage = (ctx: PageContext, form: SubmitForm, errors: FieldErrors = {}, status?: number): PageResult =>
    pageResult(ctx.t('submit.title'), html`<p>${ctx.t('submit.lead')}</p>${submitFormHtml(ctx, deps.agencies, form, errors)}`, status);

  async function reviewPage(ctx: PageContext, form: SubmitForm): Promise<PageResult> {
    const { t } = ctx;
    const words = searchTerms(form.title ?? '').slice(0, 8);
    const similar = words.length === 0 ? undefined : await deps.api.get(`/api/public/complaints?${new URLSearchParams({ q: words.join(' '), limit: '20' })}`, SummaryPage, ctx.caller);
    const open = similar?.ok ? similar.body.items.filter((c) => OPEN.has(c.status)).slice(0, SIMILAR_LIMIT) : [];
    return pageResult(
      t('submit.review'),
      html`<div class="card"><h2>${form.title ?? ''}</h2><p>${form.chronology ?? ''}</p>${attachedList(ctx, form)}</div>
<section aria-labelledby="similar"><h2 id="similar">${t('submit.similarTitle')}</h2>
  ${open.length === 0 ? html`<p>${t('submit.similarNone')}</p>` : html`<p>${t('submit.similarLead')}</p>${complaintList(ctx, open)}`}
</section>
<form method="post" action="/submit">${hiddenFields(form)}
  <button type="submit" id="confirm" name="step" value="send">${t('submit.confirm')}</button>
  <button class="secondary" type="submit" name="step" value="edit">${t('submit.edit')}</button>
</form>`,
    );
  }

  async function send(ctx: PageContext, form: SubmitForm): Promise<PageResult> {
    const { t } = ctx;
    const answer = await deps.api.post('/api/complaints', submissionBody(form), Receipt, ctx.caller, form.idempotencyKey);
    if (!answer.ok) return formPage(ctx, form, fieldErrorsOf(answer.problem), answer.status === 400 ? 400 : answer.status);
    const { trackingId, accessCode } = answer.body;
    return pageResult(
      t('submit.receiptTitle'),
      html`<dl class="facts card">
  <dt>${t('submit.trackingId')}</dt><dd class="secret" data-testid="tracking-id">${trackingId}</dd>
  <dt>${t('submit.accessCode')}</dt><dd class="secret" data-testid="access-code">${accessCode}</dd>
</dl>
<p class="notice" role="note">${t('submit.accessCodeWarning')}</p>
<p><a class="button" href="/track?trackingId=${encodeURIComponent(trackingId)}">${t('submit.followLink')}</a></p>`,
      201,
    );
  }

  router.get('/submit', pageRoute(deps.logger, async (_req, ctx) => formPage(ctx, {})));
  /** Hands each new file to the API's upload route; the references join those of earlier steps. */
  async function withUploads(ctx: PageContext, form: SubmitForm, files: readonly UploadedFile[]): Promise<{ form: SubmitForm; errors: FieldErrors }> {
    const refs = attachmentsOf(form);
    for (const file of files.slice(0, MAX_PORTAL_ATTACHMENTS - refs.length)) {
      const stored = await deps.api.upload('/api/attachments', FILE_FIELD, file, StoredAttachment, ctx.caller);
      if (!stored.ok) return { form, errors: { files: `${file.name}: ${stored.problem.detail ?? stored.problem.title}` } };
      // A neutral name: a file name like "KTP Budi Santoso.jpg" would unmask an anonymous reporter.
      refs.push({ ...stored.body, name: `lampiran-${refs.length + 1}.${EXTENSIONS[stored.body.mediaType]}` });
    }
    return { form: { ...form, attachments: JSON.stringify(refs) }, errors: {} };
  }

  router.post(
    '/submit',
    pageRoute(deps.logger, async (req, ctx) => {
      const posted = req.is('multipart/form-data') ? await readMultipartForm(req, { maxFiles: MAX_PORTAL_ATTACHMENTS, maxFileBytes: MAX_FILE_BYTES }) : { fields: req.body as Record<string, string>, files: [], tooLarge: false };
      const parsed = SubmitForm.safeParse(posted.fields);
      if (!parsed.success) return formPage(ctx, {}, formErrorsOf(parsed.error), 400);
      if (posted.tooLarge) return formPage(ctx, parsed.data, { files: ctx.t('submit.filesTooLarge') }, 413);
      const uploaded = await withUploads(ctx, parsed.data, posted.files);
      if (Object.keys(uploaded.errors).length > 0) return formPage(ctx, uploaded.form, uploaded.errors, 400);
      const step = Step.parse(posted.fields.step);
      if (step === 'review') return reviewPage(ctx, uploaded.form);
      if (step === 'send') return send(ctx, uploaded.form);
      return formPage(ctx, uploaded.form);
    }),
  );
  return router;
}
