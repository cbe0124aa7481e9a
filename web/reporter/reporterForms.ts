import { randomUUID } from 'node:crypto';
import { field, type FieldErrors } from '../forms';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';
import type { ReporterAction, ReporterActionForm } from './reporterActions';

/** The form that was posted and failed: its errors and what was typed, shown again on that form only. */
export interface FailedForm {
  readonly action: ReporterAction;
  readonly errors: FieldErrors;
  readonly form: ReporterActionForm;
}

const SCORES = [1, 2, 3, 4, 5] as const;

function actionForm(ctx: PageContext, trackingId: string, action: ReporterAction, failed: FailedForm | undefined): SafeHtml {
  const { t } = ctx;
  const errors = failed?.action === action ? failed.errors : {};
  const typed = failed?.action === action ? failed.form : {};
  const common = { errors, t };
  const textArea = (name: 'text' | 'reason' | 'comment', label: string, required: boolean, hint?: string) =>
    field({ ...common, name, id: `${action}-${name}`, label, required, ...(hint === undefined ? {} : { hint }) }, (a) => html`<textarea ${a} maxlength="10000">${typed[name] ?? ''}</textarea>`);
  const controls: Record<ReporterAction, () => SafeHtml> = {
    reply: () => textArea('text', t('reporter.replyText'), true),
    supplement: () => textArea('text', t('reporter.supplementText'), true),
    rate: () => html`<fieldset class="field"${errors.score ? html` aria-describedby="rate-score-error"` : ''}><legend>${t('reporter.score')}</legend><p class="hint">${t('reporter.scoreHint')}</p>
${errors.score && html`<p class="error" id="rate-score-error">${errors.score}</p>`}
${SCORES.map((score) => html`<label class="check" for="rate-score-${score}"><input type="radio" id="rate-score-${score}" name="score" value="${score}"${typed.score === String(score) ? html` checked` : ''}> ${t('reporter.stars', { count: score })}</label>`)}
</fieldset>${textArea('comment', t('reporter.comment'), false)}`,
    reopen: () => textArea('reason', t('reporter.reopenReason'), true, t('reporter.reopenHint')),
  };
  return html`<form method="post" action="/my/${encodeURIComponent(trackingId)}/${action}" class="card" aria-labelledby="${action}-heading" novalidate>
<h3 id="${action}-heading">${t(`reporter.${action}`)}</h3>
${errors._form && html`<p class="error" role="alert">${errors._form}</p>`}
<input type="hidden" name="idempotencyKey" value="${typed.idempotencyKey ?? randomUUID()}">
${controls[action]()}
<button type="submit" id="${action}-submit">${t(`reporter.${action}Submit`)}</button>
</form>`;
}

/** The reporter's forms for what the complaint allows now, and the one that just failed (with its reason) even if it no longer does. */
export function reporterFormsHtml(ctx: PageContext, trackingId: string, offered: readonly ReporterAction[], failed?: FailedForm): SafeHtml {
  const { t } = ctx;
  const shown = failed === undefined || offered.includes(failed.action) ? offered : [...offered, failed.action];
  return html`<section aria-labelledby="respond"><h2 id="respond">${t('reporter.respond')}</h2>
${shown.length === 0 ? html`<p>${t('reporter.nothingToDo')}</p>` : shown.map((action) => actionForm(ctx, trackingId, action, failed))}
</section>`;
}
