import { translatorFor } from '../../../web/i18n/translator';
import type { Language } from '../../../web/i18n/messages';
import type { PageContext } from '../../../web/http/pageContext';
import { integrityBadge } from '../../../web/oversight/integrityBadge';

const contextIn = (language: Language): PageContext => ({ language, t: translatorFor(language), path: '/', caller: { clientAddress: '127.0.0.1' } });
const HEAD = 'ab'.repeat(32);

describe('integrityBadge', () => {
  test.each([
    ['id', 'Rantai hash utuh'],
    ['en', 'Hash chain intact'],
  ] as const)('an intact chain is a green badge (%s: %s) with the count and the head hash', (language, words) => {
    const badge = integrityBadge(contextIn(language), { valid: true, eventCount: 7, headHash: HEAD }).text;
    expect(badge).toContain(`<span class="badge ok" data-testid="integrity">✓ ${words}</span>`);
    expect(badge).toContain(HEAD);
    expect(badge).toContain('7');
    expect(badge).not.toContain('badge bad');
  });

  test('a broken chain is a red alert naming the first broken position and the reason, escaped', () => {
    const badge = integrityBadge(contextIn('en'), { valid: false, eventCount: 9, firstBrokenRevision: 4, reason: 'hash mismatch <at> 4' }).text;
    expect(badge).toContain('<p role="alert"><span class="badge bad" data-testid="integrity">✗ Hash chain broken at position 4</span></p>');
    expect(badge).toContain('hash mismatch &lt;at&gt; 4');
    expect(badge).not.toContain('badge ok');
  });
});
