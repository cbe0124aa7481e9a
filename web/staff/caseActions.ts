import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { field, option, type FieldErrors } from '../forms';
import { html, type SafeHtml } from '../html';
import type { MessageKey } from '../i18n/messages';
import type { PageContext } from '../http/pageContext';
import type { CaseView } from '../views/caseView';

/** Every field a staff action form may post; the API judges the content and names each failing field. */
export const StaffActionForm = z
  .object({
    idempotencyKey: z.uuid(),
    agencyId: z.string().max(200).optional(),
    unitId: z.string().max(200).optional(),
    suggestedAgencyId: z.string().max(200).optional(),
    masterComplaintId: z.string().max(100).optional(),
    rejection: z.string().max(50).optional(),
    matter: z.string().max(50).optional(),
    resolutionClass: z.string().max(50).optional(),
    visibility: z.string().max(50).optional(),
    note: z.string().max(20_000).optional(),
    reason: z.string().max(20_000).optional(),
    question: z.string().max(20_000).optional(),
    text: z.string().max(20_000).optional(),
    summary: z.string().max(20_000).optional(),
    title: z.string().max(20_000).optional(),
    chronology: z.string().max(20_000).optional(),
  })
  .strict();
export type StaffActionForm = z.infer<typeof StaffActionForm>;
export type StaffField = Exclude<keyof StaffActionForm, 'idempotencyKey'>;

interface ControlBase {
  readonly name: StaffField;
  readonly label: string;
  readonly required: boolean;
  readonly hint?: string;
  /** The value before anything is typed (the proposed agency, the text to redact). */
  readonly initial?: string;
}

/** A form control: free text (one line or several) or a choice among values. */
export type Control = (ControlBase & { readonly kind: 'line' | 'text' }) | (ControlBase & { readonly kind: 'choice'; readonly choices: readonly { readonly value: string; readonly label: string }[] });

/** One `POST /api/complaints/{id}/{name}` as a form: its controls, and the API body made from what was posted. */
export interface CaseAction {
  readonly name: string;
  readonly heading: MessageKey;
  readonly submit: MessageKey;
  controls(ctx: PageContext, view: CaseView): readonly Control[];
  body(form: StaffActionForm): object;
}

/** The form that was posted and failed: its errors and what was typed, shown again on that form only. */
export interface FailedAction {
  readonly action: string;
  readonly errors: FieldErrors;
  readonly form: Partial<StaffActionForm>;
}

/** A typed value, trimmed; an empty field is absent, so the API names a required one as missing. */
export const present = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** `{ key: value }` for each present value: the optional fields of a body. */
export const presentFields = (fields: Readonly<Record<string, string | undefined>>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).flatMap(([key, value]) => (present(value) === undefined ? [] : [[key, present(value)!]])));

function controlHtml(ctx: PageContext, action: string, control: Control, errors: FieldErrors, typed: Partial<StaffActionForm>): SafeHtml {
  const value = typed[control.name] ?? control.initial ?? '';
  const options = { name: control.name, id: `${action}-${control.name}`, label: control.label, required: control.required, errors, t: ctx.t, ...(control.hint === undefined ? {} : { hint: control.hint }) };
  switch (control.kind) {
    case 'line':
      return field(options, (a) => html`<input type="text" ${a} value="${value}">`);
    case 'text':
      return field(options, (a) => html`<textarea ${a} rows="4">${value}</textarea>`);
    case 'choice':
      return field(options, (a) => html`<select ${a}>${control.required ? '' : option('', ctx.t('common.none'), value)}${control.choices.map((c) => option(c.value, c.label, value))}</select>`);
  }
}

function actionForm(ctx: PageContext, view: CaseView, path: string, action: CaseAction, failed: FailedAction | undefined): SafeHtml {
  const { t } = ctx;
  const mine = failed?.action === action.name;
  const errors = mine ? failed.errors : {};
  const typed = mine ? failed.form : {};
  return html`<form method="post" action="${path}/${action.name}" class="card" aria-labelledby="${action.name}-heading" novalidate>
<h3 id="${action.name}-heading">${t(action.heading)}</h3>
${errors._form && html`<p class="error" role="alert">${errors._form}</p>`}
<input type="hidden" name="idempotencyKey" value="${typed.idempotencyKey ?? randomUUID()}">
${action.controls(ctx, view).map((control) => controlHtml(ctx, action.name, control, errors, typed))}
<button type="submit" id="${action.name}-submit">${t(action.submit)}</button>
</form>`;
}

/** The console's forms for one complaint, each posting to `{path}/{action}`. */
export function caseActionsHtml(ctx: PageContext, view: CaseView, path: string, actions: readonly CaseAction[], failed?: FailedAction): SafeHtml {
  return html`<section aria-labelledby="actions"><h2 id="actions">${ctx.t('staff.actions')}</h2>
${actions.map((action) => actionForm(ctx, view, path, action, failed))}
</section>`;
}
