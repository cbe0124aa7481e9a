import type { z } from 'zod';
import type { ComplaintHistory } from '../../read-api/oversight/complaintHistorySchema';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../http/pageContext';

export type ChainVerification = z.infer<typeof ComplaintHistory>['verification'];

/** The result of recomputing the stream's hash chain: green when intact, red with the first broken position. */
export function integrityBadge(ctx: PageContext, verification: ChainVerification): SafeHtml {
  const { t } = ctx;
  return html`<section class="card" aria-labelledby="integrity"><h2 id="integrity">${t('oversight.integrity')}</h2>
${verification.valid
  ? html`<p><span class="badge ok" data-testid="integrity">✓ ${t('oversight.chainIntact')}</span></p><p class="hint">${t('oversight.chainIntactDetail', { count: verification.eventCount })} <code class="hash">${verification.headHash}</code></p>`
  : html`<p role="alert"><span class="badge bad" data-testid="integrity">✗ ${t('oversight.chainBroken', { revision: verification.firstBrokenRevision })}</span></p><p>${t('oversight.chainBrokenDetail', { reason: verification.reason })}</p>`}
</section>`;
}
