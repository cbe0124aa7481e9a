import type { z } from 'zod';
import type { AgencyRegistry } from '../../domain/routing';
import type { ComplianceMonths, CompliancePage } from '../../read-api/oversight/oversightSchemas';
import { barChart, chartWithTable } from '../charts/barChart';
import { formatNumber, formatPercent } from '../format';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';
import { scrollRegion } from '../views/scrollRegion';
import { complaintTable, WATCH_LISTS, watchListHeading, type SummaryPage, type WatchList } from './complaintTables';

export type DashboardData = Readonly<Record<WatchList, SummaryPage>> & { readonly compliance: z.infer<typeof CompliancePage>; readonly months: z.infer<typeof ComplianceMonths> };

/** Agency compliance since records began, least compliant first, as the API orders it. */
function complianceSection(ctx: PageContext, agencies: AgencyRegistry, compliance: DashboardData['compliance']): SafeHtml {
  const { t, language } = ctx;
  const name = (id: string) => agencies.get(id)?.name ?? id;
  const count = (n: number) => formatNumber(n, language);
  const percent = (share: number) => formatPercent(share, language);
  const items = compliance.items;
  return html`<section class="card" aria-labelledby="compliance"><h2 id="compliance">${t('oversight.compliance')}</h2><p class="hint">${t('oversight.complianceLead')}</p>
${items.length === 0
  ? html`<p>${t('oversight.empty')}</p>`
  : html`<div class="chart">${barChart('compliance-chart', t('oversight.chartTitle'), items.map((a) => ({ label: name(a.agencyId), value: a.score })), percent)}
${scrollRegion(t('oversight.compliance'), html`<table data-testid="compliance"><caption class="hint">${t('oversight.compliance')}</caption><thead><tr><th scope="col">${t('stats.agency')}</th><th scope="col">${t('oversight.assigned')}</th><th scope="col">${t('oversight.respondedOnTime')}</th><th scope="col">${t('oversight.resolvedOnTime')}</th><th scope="col">${t('oversight.declined')}</th><th scope="col">${t('oversight.overdueEscalations')}</th><th scope="col">${t('oversight.score')}</th></tr></thead>
<tbody>${items.map(
      (a) => html`<tr><th scope="row">${name(a.agencyId)}</th><td>${count(a.assigned)}</td><td>${count(a.respondedOnTime)}</td><td>${count(a.resolvedOnTime)}</td><td>${count(a.declined)}</td><td>${count(a.overdueEscalations)}</td><td>${percent(a.score)}</td></tr>`,
    )}</tbody></table>`)}</div>`}
</section>`;
}

/** All agencies' share of assignments resolved on time, month by month (oldest first, as a series reads). */
function complianceOverTime(ctx: PageContext, months: DashboardData['months']): SafeHtml {
  const { t, language } = ctx;
  if (months.items.length === 0) return html`<section class="card" aria-labelledby="over-time"><h2 id="over-time">${t('oversight.overTime')}</h2><p>${t('oversight.empty')}</p></section>`;
  const bars = [...months.items].reverse().map((m) => ({ label: m.month, value: m.score }));
  return chartWithTable('over-time', t('oversight.overTime'), [t('oversight.month'), t('oversight.score')], bars, (share) => formatPercent(share, language));
}

/** The Ombudsman's dashboard: the three watch lists (each with a link to the rest), then agency compliance as a chart beside its table. */
export function dashboardHtml(ctx: PageContext, agencies: AgencyRegistry, data: DashboardData): SafeHtml {
  return html`${WATCH_LISTS.map((list) => complaintTable(ctx, agencies, list, data[list], () => ({ href: `/ombudsman/${list}`, label: ctx.t('oversight.seeAll', { list: watchListHeading(ctx, list) }) })))}
${complianceOverTime(ctx, data.months)}
${complianceSection(ctx, agencies, data.compliance)}`;
}
