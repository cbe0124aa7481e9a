import type { z } from 'zod';
import type { AgencyRegistry } from '../../domain/routing';
import type { OversightPage, OversightSummary } from '../../read-api/oversight/oversightSchemas';
import { formatDateTime, formatNumber } from '../format';
import { html, type HtmlValue, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';
import { ownerName } from '../views/caseView';
import { scrollRegion } from '../views/scrollRegion';

type Summary = z.infer<typeof OversightSummary>;
export type SummaryPage = z.infer<typeof OversightPage>;

/** The Ombudsman's watch lists, by the last segment of their API path. */
export const WATCH_LISTS = ['breaches', 'bouncing', 'unowned'] as const;
export type WatchList = (typeof WATCH_LISTS)[number];

interface ListColumns {
  readonly heading: string;
  readonly lead: string;
  /** The column a list adds to the common ones: its reason for being on the list. */
  readonly extraHeading: string;
  extraCell(item: Summary): HtmlValue;
}

function columnsOf(ctx: PageContext, list: WatchList): ListColumns {
  const { t, language } = ctx;
  const when = (iso: string) => html`<time datetime="${iso}">${formatDateTime(iso, language)}</time>`;
  switch (list) {
    case 'breaches':
      return {
        heading: t('oversight.breaches'),
        lead: t('oversight.breachesLead'),
        extraHeading: t('oversight.dueAt'),
        extraCell: (c) => c.deadline && html`${when(c.deadline.dueAt)}${c.overdue && html` <span class="badge bad">${t('oversight.overdue')}</span>`}`,
      };
    case 'bouncing':
      return { heading: t('oversight.bouncing'), lead: t('oversight.bouncingLead'), extraHeading: t('oversight.declines'), extraCell: (c) => formatNumber(c.declineCount, language) };
    case 'unowned':
      return { heading: t('oversight.unowned'), lead: t('oversight.unownedLead'), extraHeading: t('oversight.ownedSince'), extraCell: (c) => when(c.ownedSince) };
  }
}

export const watchListHeading = (ctx: PageContext, list: WatchList): string => columnsOf(ctx, list).heading;

/**
 * One watch list as a table, each complaint linking to its case file. `more` is where the
 * rest is: the list's own page from the dashboard, the next page on that page.
 */
export function complaintTable(ctx: PageContext, agencies: AgencyRegistry, list: WatchList, page: SummaryPage, more: (next: string) => { readonly href: string; readonly label: string }): SafeHtml {
  const { t } = ctx;
  const { heading, lead, extraHeading, extraCell } = columnsOf(ctx, list);
  const rest = page.next === undefined ? undefined : more(page.next);
  return html`<section class="card" aria-labelledby="${list}"><h2 id="${list}">${heading}</h2><p class="hint">${lead}</p>
${page.items.length === 0
  ? html`<p data-testid="${list}-empty">${t('oversight.empty')}</p>`
  : scrollRegion(heading, html`<table data-testid="${list}"><thead><tr><th scope="col">${t('submit.trackingId')}</th><th scope="col">${t('submit.reportTitle')}</th><th scope="col">${t('complaint.status')}</th><th scope="col">${t('complaint.agency')}</th><th scope="col">${extraHeading}</th></tr></thead>
<tbody>${page.items.map(
      (c) => html`<tr><th scope="row"><a href="/ombudsman/complaints/${c.complaintId}">${c.trackingId}</a></th><td>${c.title}</td><td>${t(`status.${c.status}`)}</td><td>${ownerName(ctx, agencies, c.owner)}</td><td>${extraCell(c)}</td></tr>`,
    )}</tbody></table>`)}
${rest && html`<p><a href="${rest.href}" data-testid="${list}-more">${rest.label}</a></p>`}
</section>`;
}
