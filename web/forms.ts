import type { z } from 'zod';
import { html, type HtmlValue, type SafeHtml } from './html';
import type { Problem } from './http/portalApi';
import type { Translate } from './i18n/translator';

/** A form's failing fields by input name, from a 400's `errors` (`body.title` → `title`). */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrorsOf(problem: Problem, prefix = 'body.'): FieldErrors {
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const name = (error.path.startsWith(prefix) ? error.path.slice(prefix.length) : error.path).split('.')[0]!;
    errors[name] ??= error.message;
  }
  if (Object.keys(errors).length === 0) errors._form = problem.detail ?? problem.title;
  return errors;
}

/** The portal's own form schema failed (a tampered form): the same shape as the API's errors. */
export function formErrorsOf(error: z.ZodError): FieldErrors {
  return Object.fromEntries(error.issues.map((issue) => [String(issue.path[0] ?? '_form'), issue.message]));
}

export interface FieldOptions {
  readonly name: string;
  /** The control's id when a page has two forms with a field of the same name; the name by default. */
  readonly id?: string;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly errors: FieldErrors;
  readonly t: Translate;
}

/** A labelled control with its hint and error tied to it (aria-describedby), as screen readers expect. */
export function field(options: FieldOptions, control: (attributes: SafeHtml) => SafeHtml): SafeHtml {
  const { name, id = name, label, hint, required, errors, t } = options;
  const error = errors[name];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const attributes = html`id="${id}" name="${name}"${required ? html` required` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field">
  <label for="${id}">${label} <span class="hint">(${required ? t('common.required') : t('common.optional')})</span></label>
  ${hint && html`<p class="hint" id="${id}-hint">${hint}</p>`}
  ${error && html`<p class="error" id="${id}-error">${error}</p>`}
  ${control(attributes)}
</div>`;
}

export const option = (value: string, label: string, selected: string | undefined): SafeHtml =>
  html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;

/** The list of failing fields at the top of a form, each linking to its control. */
export function errorSummary(errors: FieldErrors, t: Translate, labels: Readonly<Record<string, string>>): HtmlValue {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1"><h2>${t('common.errorSummary', { count: entries.length })}</h2><ul>
    ${entries.map(([name, message]) => html`<li>${name === '_form' ? message : html`<a href="#${name}">${labels[name] ?? name}</a>: ${message}`}</li>`)}
  </ul></div>`;
}
