import type { z } from 'zod';
import type { AgencyRegistry } from '../../domain/routing';
import type { Actor } from '../../eventstore/metadata';
import type { ComplaintHistory } from '../../read-api/oversight/complaintHistorySchema';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';
import { caseViewHtml, type CaseView } from '../views/caseView';
import { scrollRegion } from '../views/scrollRegion';
import { integrityBadge } from './integrityBadge';

type History = z.infer<typeof ComplaintHistory>;

function actorLabel(ctx: PageContext, agencies: AgencyRegistry, actor: Actor): SafeHtml {
  const agency = actor.agencyId === undefined ? undefined : (agencies.get(actor.agencyId)?.name ?? actor.agencyId);
  return html`${ctx.t(`role.${actor.role}`)}<br><code>${actor.id}</code>${agency !== undefined && html`<br>${agency}`}`;
}

/** What only the overseer's view holds: who reported (as far as known), the hold, the declines. */
function oversightFacts(ctx: PageContext, agencies: AgencyRegistry, view: CaseView): SafeHtml {
  const { t, language } = ctx;
  const contact = view.reporterContact ?? undefined;
  const markers = view.oversight;
  const contactRows: [string, string | undefined][] = [
    [t('submit.phone'), contact?.phone],
    [t('submit.email'), contact?.email],
    ['NIK', contact?.nik],
    [t('oversight.reporterAccount'), markers?.reporterAccountId],
    [t('oversight.holdReason'), markers?.holdReason],
  ];
  const declines = markers?.declines ?? [];
  const known = contactRows.filter((row): row is [string, string] => row[1] !== undefined);
  return html`${known.length > 0 &&
  html`<section aria-labelledby="contact"><h2 id="contact">${t('oversight.reporterContact')}</h2><dl class="facts card">${known.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl></section>`}
${declines.length > 0 &&
  html`<section aria-labelledby="declines"><h2 id="declines">${t('oversight.declineHistory')}</h2><ol class="timeline">${declines.map(
    (d) => html`<li><p><strong>${agencies.get(d.agencyId)?.name ?? d.agencyId}</strong> · <time datetime="${d.at}">${formatDateTime(d.at, language)}</time></p><p>${t('oversight.declineReason')}: ${d.reason}</p></li>`,
  )}</ol></section>`}`;
}

/** Every event from the ledger, oldest first, with its actor, time and channel; the data as written on demand. */
function historyTable(ctx: PageContext, agencies: AgencyRegistry, history: History): SafeHtml {
  const { t, language } = ctx;
  return html`<section aria-labelledby="history"><h2 id="history">${t('oversight.history')}</h2><p class="hint">${t('oversight.historyLead')}</p>
${scrollRegion(t('oversight.history'), html`<table data-testid="history"><thead><tr><th scope="col">${t('oversight.position')}</th><th scope="col">${t('oversight.event')}</th><th scope="col">${t('oversight.actor')}</th><th scope="col">${t('oversight.occurredAt')}</th><th scope="col">${t('oversight.channel')}</th></tr></thead>
<tbody>${history.events.map(
    (e) => html`<tr><td>${e.revision}</td><th scope="row"><code>${e.type}</code><details><summary>${t('oversight.eventData')}</summary><pre class="data">${JSON.stringify(e.data, null, 1)}</pre></details></th><td>${actorLabel(ctx, agencies, e.actor)}</td><td><time datetime="${e.occurredAt}">${formatDateTime(e.occurredAt, language)}</time></td><td>${e.channel}</td></tr>`,
  )}</tbody></table>`)}</section>`;
}

/** The Ombudsman's case page: the whole file, the integrity of its history, and the history itself. */
export function caseFileHtml(ctx: PageContext, agencies: AgencyRegistry, view: CaseView, history: History): SafeHtml {
  return html`<p><a href="/ombudsman">${ctx.t('oversight.back')}</a></p>
${integrityBadge(ctx, history.verification)}
${caseViewHtml(ctx, agencies, view)}
${oversightFacts(ctx, agencies, view)}
${historyTable(ctx, agencies, history)}`;
}
