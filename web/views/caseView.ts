import type { z } from 'zod';
import { categoryNames, regionName, type AgencyRegistry } from '../../domain/routing';
import type { CaseViewSchema } from '../../read-api/views/caseViewSchema';
import { formatDate, formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';
import { reporterNameOf } from '../public/complaintList';

export type CaseView = z.infer<typeof CaseViewSchema>;

export function ownerName(ctx: PageContext, agencies: AgencyRegistry, owner: CaseView['owner']): string {
  if (owner.kind === 'admin_queue') return ctx.t('complaint.ownerAdmin');
  return agencies.get(owner.unitId ?? owner.agencyId)?.name ?? owner.agencyId;
}

interface TimelineEntry {
  readonly at: string;
  readonly label: string;
  readonly text?: string;
}

/** Everything that happened that this audience's view holds, oldest first. */
function timeline(ctx: PageContext, agencies: AgencyRegistry, view: CaseView): TimelineEntry[] {
  const agencyName = (id: string) => agencies.get(id)?.name ?? id;
  const entries: TimelineEntry[] = [
    ...view.followUps.map((f) => ({ at: f.at, label: `${agencyName(f.byAgencyId)}${f.visibility === 'internal' ? ` (${ctx.t('complaint.internal')})` : ''}`, text: f.text })),
    ...view.reporterMessages.map((m) => ({ at: m.at, label: ctx.t('complaint.reporter'), text: m.text })),
    ...(view.informationRequests ?? []).map((r) => ({ at: r.at, label: ctx.t('complaint.ownerAdmin'), text: r.question })),
    ...(view.resolution ? [{ at: view.resolution.at, label: `${ctx.t('status.resolved')} — ${agencyName(view.resolution.agencyId)}`, text: view.resolution.summary }] : []),
    ...(view.rating ? [{ at: view.rating.at, label: `★ ${view.rating.score}/5`, ...(view.rating.comment === undefined ? {} : { text: view.rating.comment }) }] : []),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A complaint as its audience's view has it: the facts, the text, and the timeline. */
export function caseViewHtml(ctx: PageContext, agencies: AgencyRegistry, view: CaseView): SafeHtml {
  const { t, language } = ctx;
  const entries = timeline(ctx, agencies, view);
  return html`<dl class="facts card">
  <dt>${t('complaint.status')}</dt><dd><span class="badge" data-testid="status">${t(`status.${view.status}`)}</span></dd>
  <dt>${t('submit.trackingId')}</dt><dd>${view.trackingId}</dd>
  <dt>${t('submit.kind')}</dt><dd>${t(`kind.${view.kind}`)}</dd>
  <dt>${t('complaint.category')}</dt><dd>${categoryNames[view.category as keyof typeof categoryNames]?.[language] ?? view.category}</dd>
  <dt>${t('complaint.region')}</dt><dd>${regionName(view.regionCode) ?? view.regionCode}</dd>
  <dt>${t('complaint.agency')}</dt><dd>${ownerName(ctx, agencies, view.owner)}</dd>
  <dt>${t('complaint.reporter')}</dt><dd>${reporterNameOf(ctx, view.reporterName)}</dd>
  <dt>${t('complaint.submittedAt')}</dt><dd>${formatDateTime(view.submittedAt, language)}</dd>
  <dt>${t('complaint.updatedAt')}</dt><dd>${formatDateTime(view.updatedAt, language)}</dd>
  <dt>${t('submit.incidentDate')}</dt><dd>${formatDate(`${view.incidentDate}T12:00:00+07:00`, language)}</dd>
</dl>
${view.redacted && html`<p class="notice">${t('complaint.redacted')}</p>`}
<section aria-labelledby="chronology"><h2 id="chronology">${t('complaint.chronology')}</h2><div class="card" data-testid="chronology"><p>${view.chronology}</p></div></section>
<section aria-labelledby="timeline"><h2 id="timeline">${t('complaint.timeline')}</h2>
${entries.length === 0 ? html`<p>${t('complaint.noFollowUps')}</p>` : html`<ol class="timeline">${entries.map((e) => html`<li><p><strong>${e.label}</strong> · <time datetime="${e.at}">${formatDateTime(e.at, language)}</time></p>${e.text !== undefined && html`<p>${e.text}</p>`}</li>`)}</ol>`}
</section>`;
}
