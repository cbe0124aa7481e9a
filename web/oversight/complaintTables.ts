import type { z } from 'zod';
import type { AgencyRegistry } from '../../domain/routing';
import type { OversightSummary } from '../../read-api/oversight/oversightSchemas';
import { html, type HtmlValue, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';
import { ownerName } from '../views/caseView';
import { scrollRegion } from '../views/scrollRegion';

type Summary = z.infer<typeof OversightSummary>;

/** The column a list adds to the common ones (its reason for being on the list). */
export interface ExtraColumn {
  readonly heading: string;
  cell(item: Summary): HtmlValue;
}

/** One of the Ombudsman's lists as a table; each complaint links to its case file. */
export function complaintTable(ctx: PageContext, agencies: AgencyRegistry, id: string, heading: string, lead: string, items: readonly Summary[], extra: ExtraColumn): SafeHtml {
  const { t } = ctx;
  return html`<section class="card" aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><p class="hint">${lead}</p>
${items.length === 0
  ? html`<p data-testid="${id}-empty">${t('oversight.empty')}</p>`
  : scrollRegion(heading, html`<table data-testid="${id}"><thead><tr><th scope="col">${t('submit.trackingId')}</th><th scope="col">${t('submit.reportTitle')}</th><th scope="col">${t('complaint.status')}</th><th scope="col">${t('complaint.agency')}</th><th scope="col">${extra.heading}</th></tr></thead>
<tbody>${items.map(
      (c) => html`<tr><th scope="row"><a href="/ombudsman/complaints/${c.complaintId}">${c.trackingId}</a></th><td>${c.title}</td><td>${t(`status.${c.status}`)}</td><td>${ownerName(ctx, agencies, c.owner)}</td><td>${extra.cell(c)}</td></tr>`,
    )}</tbody></table>`)}
</section>`;
}
