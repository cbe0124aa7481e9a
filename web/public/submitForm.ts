import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AttachmentRef, ComplaintKind } from '../../domain/complaint';
import { categoryNames, ComplaintCategory, regionData, type AgencyRegistry } from '../../domain/routing';
import { errorSummary, field, option, type FieldErrors } from '../forms';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';

const text = z.string().max(20_000).optional();

/**
 * The submission form as the browser posts it: text fields, checkboxes present or absent.
 * The API validates the complaint itself; this only bounds what the portal carries along.
 */
export const SubmitForm = z.object({
  kind: text,
  title: text,
  chronology: text,
  incidentDate: text,
  regionCode: text,
  locationDescription: text,
  category: text,
  suggestedAgencyId: text,
  anonymous: z.literal('on').optional(),
  confidential: z.literal('on').optional(),
  name: text,
  phone: text,
  email: text,
  idempotencyKey: z.uuid().optional(),
  /** Files already uploaded in an earlier step, as JSON references (see attachmentsOf). */
  attachments: z.string().max(20_000).optional(),
});
export type SubmitForm = z.infer<typeof SubmitForm>;

/** At most this many files per complaint through the portal (the API takes up to 20). */
export const MAX_PORTAL_ATTACHMENTS = 5;
const CarriedAttachments = z.array(AttachmentRef).max(MAX_PORTAL_ATTACHMENTS);

/** The references carried in the hidden field; a tampered value carries none. */
export function attachmentsOf(form: SubmitForm): AttachmentRef[] {
  try {
    const parsed = CarriedAttachments.safeParse(JSON.parse(form.attachments ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const present = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** The body of `POST /api/complaints` from the form; empty fields are left out for the API to judge. */
export function submissionBody(form: SubmitForm): Record<string, unknown> {
  const reporter = { name: present(form.name), phone: present(form.phone), email: present(form.email) };
  const hasReporter = Object.values(reporter).some((v) => v !== undefined);
  const location = present(form.locationDescription);
  return {
    kind: form.kind,
    title: form.title,
    chronology: form.chronology,
    incidentDate: form.incidentDate,
    regionCode: form.regionCode,
    category: form.category,
    ...(present(form.suggestedAgencyId) ? { suggestedAgencyId: present(form.suggestedAgencyId) } : {}),
    ...(location ? { location: { description: location } } : {}),
    attachments: attachmentsOf(form),
    anonymous: form.anonymous === 'on',
    confidential: form.confidential === 'on',
    channel: 'web',
    ...(hasReporter ? { reporter: JSON.parse(JSON.stringify(reporter)) as object } : {}),
  };
}

// Kemendagri's regencies and cities under their provinces: built once, the same in both languages.
let regionOptions: SafeHtml | undefined;
function regionGroups(selected: string | undefined): SafeHtml {
  const groups = () =>
    html`${regionData.provinces.map(
      (p) => html`<optgroup label="${p.name}">${regionData.regencies.filter((r) => r.code.startsWith(`${p.code}.`)).map((r) => option(r.code, r.name, selected))}</optgroup>`,
    )}`;
  if (selected !== undefined) return groups();
  regionOptions ??= groups();
  return regionOptions;
}

const agencyChoices = (agencies: AgencyRegistry) => agencies.list().filter((a) => a.parentId === undefined);

/** The files already uploaded in an earlier step, by their neutral names; nothing when none. */
export function attachedList(ctx: PageContext, form: SubmitForm): SafeHtml | undefined {
  const names = attachmentsOf(form).map((a) => a.name);
  return names.length === 0 ? undefined : html`<p>${ctx.t('submit.attached')}: ${names.join(', ')}</p>`;
}

/** The labels of the fields, for the error summary. */
function labels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    kind: t('submit.kind'),
    title: t('submit.reportTitle'),
    chronology: t('submit.chronology'),
    incidentDate: t('submit.incidentDate'),
    regionCode: t('submit.region'),
    location: t('submit.locationDescription'),
    category: t('submit.category'),
    suggestedAgencyId: t('submit.agency'),
    reporter: t('submit.reporter'),
  };
}

/** The whole form, filled with what the visitor typed, and the errors of the last try. */
export function submitFormHtml(ctx: PageContext, agencies: AgencyRegistry, form: SubmitForm, errors: FieldErrors): SafeHtml {
  const { t, language } = ctx;
  const common = { errors, t };
  const checkbox = (name: 'anonymous' | 'confidential', hint: string) => html`<div class="field">
    <label class="check" for="${name}"><input type="checkbox" id="${name}" name="${name}" aria-describedby="${name}-hint"${form[name] === 'on' ? html` checked` : ''}> ${t(`submit.${name}`)}</label>
    <p class="hint" id="${name}-hint">${hint}</p></div>`;
  return html`${errorSummary(errors, t, labels(ctx))}
<form method="post" action="/submit" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="idempotencyKey" value="${form.idempotencyKey ?? randomUUID()}">
  ${field({ ...common, name: 'kind', label: t('submit.kind'), required: true }, (a) => html`<select ${a}>${ComplaintKind.options.map((k) => option(k, t(`kind.${k}`), form.kind ?? 'pengaduan'))}</select>`)}
  ${field({ ...common, name: 'title', label: t('submit.reportTitle'), required: true }, (a) => html`<input type="text" ${a} maxlength="200" value="${form.title ?? ''}">`)}
  ${field({ ...common, name: 'chronology', label: t('submit.chronology'), hint: t('submit.chronologyHint'), required: true }, (a) => html`<textarea ${a} maxlength="10000">${form.chronology ?? ''}</textarea>`)}
  ${field({ ...common, name: 'incidentDate', label: t('submit.incidentDate'), required: true }, (a) => html`<input type="date" ${a} value="${form.incidentDate ?? ''}">`)}
  ${field({ ...common, name: 'regionCode', label: t('submit.region'), required: true }, (a) => html`<select ${a}><option value="">${t('submit.regionChoose')}</option>${regionGroups(form.regionCode)}</select>`)}
  ${field({ ...common, name: 'locationDescription', label: t('submit.locationDescription') }, (a) => html`<input type="text" ${a} maxlength="500" value="${form.locationDescription ?? ''}">`)}
  ${field({ ...common, name: 'category', label: t('submit.category'), required: true }, (a) => html`<select ${a}><option value="">${t('submit.categoryChoose')}</option>${ComplaintCategory.options.map((c) => option(c, categoryNames[c][language], form.category))}</select>`)}
  ${field({ ...common, name: 'suggestedAgencyId', label: t('submit.agency'), hint: t('submit.agencyHint') }, (a) => html`<select ${a}><option value="">${t('submit.agencyChoose')}</option>${agencyChoices(agencies).map((g) => option(g.id, g.name, form.suggestedAgencyId))}</select>`)}
  ${attachedList(ctx, form)}
  ${field({ ...common, name: 'files', label: t('submit.files'), hint: t('submit.filesHint') }, (a) => html`<input type="file" ${a} multiple accept="image/jpeg,image/png,image/webp,application/pdf">`)}
  <fieldset class="field"><legend>${t('submit.privacy')}</legend>
    ${checkbox('anonymous', t('submit.anonymousHint'))}
    ${checkbox('confidential', t('submit.confidentialHint'))}
  </fieldset>
  <fieldset class="field"><legend>${t('submit.reporter')}</legend>
    <p class="hint">${t('submit.reporterHint')}</p>
    ${errors.reporter && html`<p class="error" id="reporter-error">${errors.reporter}</p>`}
    ${field({ ...common, name: 'name', label: t('submit.name') }, (a) => html`<input type="text" ${a} autocomplete="name" maxlength="200" value="${form.name ?? ''}">`)}
    ${field({ ...common, name: 'phone', label: t('submit.phone') }, (a) => html`<input type="tel" ${a} autocomplete="tel" maxlength="40" value="${form.phone ?? ''}">`)}
    ${field({ ...common, name: 'email', label: t('submit.email') }, (a) => html`<input type="email" ${a} autocomplete="email" maxlength="254" value="${form.email ?? ''}">`)}
  </fieldset>
  <button type="submit" id="review" name="step" value="review">${t('submit.review')}</button>
</form>`;
}

/** The form's answers carried to the next step as hidden fields. */
export function hiddenFields(form: SubmitForm): SafeHtml {
  return html`${Object.entries(form)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value as string}">`)}`;
}
