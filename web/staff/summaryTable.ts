import type { StaffComplaintSummary } from '../../read-api/staff/staffComplaintSummary';
import { html, type HtmlValue, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';
import { scrollRegion } from '../views/scrollRegion';

export interface SummaryColumn {
  readonly heading: string;
  cell(item: StaffComplaintSummary): HtmlValue;
}

/** A staff queue as a table: the tracking id links to the case page, the title follows, then the console's own columns. */
export function summaryTable(ctx: PageContext, label: string, items: readonly StaffComplaintSummary[], caseHref: (complaintId: string) => string, columns: readonly SummaryColumn[]): SafeHtml {
  const { t } = ctx;
  if (items.length === 0) return html`<p data-testid="queue-empty">${t('staff.emptyQueue')}</p>`;
  return scrollRegion(
    label,
    html`<table data-testid="queue"><caption>${label}</caption><thead><tr><th scope="col">${t('submit.trackingId')}</th><th scope="col">${t('submit.reportTitle')}</th>${columns.map((c) => html`<th scope="col">${c.heading}</th>`)}</tr></thead>
<tbody>${items.map((item) => html`<tr><th scope="row"><a href="${caseHref(item.complaintId)}">${item.trackingId}</a></th><td>${item.title}</td>${columns.map((c) => html`<td>${c.cell(item)}</td>`)}</tr>`)}</tbody></table>`,
  );
}
