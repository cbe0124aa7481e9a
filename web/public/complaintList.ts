import type { z } from 'zod';
import { categoryNames } from '../../domain/routing';
import type { PublicComplaintSummary } from '../../read-api/public/publicComplaintRoutes';
import { formatDate } from '../format';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';

type Summary = z.infer<typeof PublicComplaintSummary>;

/** Public complaints as a list of cards linking to their pages. */
export function complaintList(ctx: PageContext, items: readonly Summary[]): SafeHtml {
  const { t, language } = ctx;
  return html`<ul class="complaints" role="list">${items.map(
    (c) => html`<li class="card"><h3><a href="/complaints/${encodeURIComponent(c.trackingId)}">${c.title}</a></h3>
  <p><span class="badge">${t(`status.${c.status}`)}</span> ${categoryNames[c.category as keyof typeof categoryNames]?.[language] ?? c.category} ·
  ${t('browse.submittedOn', { date: formatDate(c.submittedAt, language) })} · ${reporterNameOf(ctx, c.reporterName)}
  ${c.supportCount > 0 && html` · ${t('browse.supporters', { count: c.supportCount })}`}</p></li>`,
  )}</ul>`;
}

/** The view says "Anonim" for a hidden reporter and null for an unknown or erased one: both read as anonymous. */
export const reporterNameOf = (ctx: PageContext, name: string | null): string => (name === null || name === 'Anonim' ? ctx.t('common.anonymousName') : name);
