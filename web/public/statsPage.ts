import { Router } from 'express';
import { z } from 'zod';
import { categoryNames } from '../../domain/routing';
import { LeagueEntry, PublicStatistics } from '../../read-api/public/publicStatisticsRoutes';
import { ComplaintStatusSchema } from '../../read-api/views/caseViewSchema';
import type { Bar } from '../charts/barChart';
import { chartWithTable } from '../charts/barChart';
import { formatNumber, formatPercent } from '../format';
import { html } from '../html';
import type { PageContext } from '../http/pageContext';
import { pageResult, pageRoute } from '../http/pageRoute';
import type { PortalDependencies } from '../portalDependencies';

const LeaguePage = z.object({ items: z.array(LeagueEntry), next: z.unknown().optional() });
const TOP = 10;

const barsOf = (counts: Readonly<Record<string, number>>, label: (value: string) => string, limit = Infinity): Bar[] =>
  Object.entries(counts)
    .map(([value, count]) => ({ label: label(value), value: count }))
    .sort((a, b) => b.value - a.value)
    .slice(0, limit);

/** Public statistics: charts each with its data table, and the agency league table. */
export function statsPage(deps: PortalDependencies): Router {
  const router = Router();
  router.get(
    '/stats',
    pageRoute(deps.logger, async (_req, ctx: PageContext) => {
      const { t, language } = ctx;
      const [stats, league] = await Promise.all([deps.api.get('/api/public/stats', PublicStatistics, ctx.caller), deps.api.get('/api/public/agencies?limit=20', LeaguePage, ctx.caller)]);
      if (!stats.ok || !league.ok) return pageResult(t('common.unavailable'), html`<p>${t('common.unavailable')}</p>`, 503);
      const count = (n: number) => formatNumber(n, language);
      const headings = [t('stats.value'), t('stats.count')] as const;
      const { counts, totals } = stats.body;
      return pageResult(
        t('stats.title'),
        html`<p class="card">${t('stats.total')}: <strong>${count(totals.complaints)}</strong></p>
${chartWithTable('by-status', t('stats.byStatus'), headings, barsOf(counts.status, (s) => { const status = ComplaintStatusSchema.safeParse(s); return status.success ? t(`status.${status.data}`) : s; }), count)}
${chartWithTable('by-category', t('stats.byCategory'), headings, barsOf(counts.category, (c) => categoryNames[c as keyof typeof categoryNames]?.[language] ?? c, TOP), count)}
${chartWithTable('by-channel', t('stats.byChannel'), headings, barsOf(counts.channel, (c) => c), count)}
<section class="card" aria-labelledby="league"><h2 id="league">${t('stats.league')}</h2><p class="hint">${t('stats.leagueLead')}</p>
<table><thead><tr><th scope="col">#</th><th scope="col">${t('stats.agency')}</th><th scope="col">${t('stats.cases')}</th><th scope="col">${t('stats.onTime')}</th></tr></thead>
<tbody>${league.body.items.map((a, i) => html`<tr><td>${i + 1}</td><td>${a.name ?? a.agencyId}</td><td>${count(a.assigned)}</td><td>${formatPercent(a.score, language)}</td></tr>`)}</tbody></table>
<p><a href="/api/public/stats.csv">${t('stats.download')}</a> · <a href="/api/public/agencies.csv">${t('stats.league')} (CSV)</a></p></section>`,
      );
    }),
  );
  return router;
}
