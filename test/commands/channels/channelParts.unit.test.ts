import fc from 'fast-check';
import { gatewayReport } from '../../../commands/channels/gatewayReport';
import { smsEncodingOf, smsParts } from '../../../commands/channels/smsParts';
import { smsRequestOf } from '../../../commands/channels/smsRequest';
import { tweetParts } from '../../../commands/channels/tweetParts';
import { checkWebhookSignature } from '../../../commands/channels/webhookSignature';
import { createHmac } from 'node:crypto';

const septets = (text: string): number => [...text].reduce((sum, char) => sum + ('^{}\\[~]|€\f'.includes(char) ? 2 : 1), 0);

describe('SMS parts', () => {
  test('GSM-7 text travels in parts of at most 160 septets, cut between words', () => {
    const text = Array.from({ length: 60 }, (_, index) => `kata${index}`).join(' ');
    const parts = smsParts(text);
    expect(smsEncodingOf(text)).toBe('gsm7');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(septets(part)).toBeLessThanOrEqual(160);
    expect(parts.join(' ')).toBe(text);
    expect(parts[0]!.length).toBeGreaterThan(150);
  });

  test('a reply that fits is one part; extension characters count twice', () => {
    expect(smsParts('a'.repeat(160))).toEqual(['a'.repeat(160)]);
    expect(smsParts('€'.repeat(80))).toEqual(['€'.repeat(80)]);
    expect(smsParts('€'.repeat(81))).toEqual(['€'.repeat(80), '€']);
  });

  test('one character outside GSM 03.38 makes the reply UCS-2, 70 units a part, never splitting a surrogate pair', () => {
    expect(smsEncodingOf('Terima kasih 🙏')).toBe('ucs2');
    const parts = smsParts('😀'.repeat(40));
    expect(parts.map((part) => part.length)).toEqual([70, 10]);
    expect(parts.join('')).toBe('😀'.repeat(40));
  });

  test('invariant: every part fits its encoding and the words survive in order', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9€é😀]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 80 }), (words) => {
        const text = words.join(' ');
        const parts = smsParts(text);
        const ucs2 = smsEncodingOf(text) === 'ucs2';
        for (const part of parts) expect(ucs2 ? part.length : septets(part)).toBeLessThanOrEqual(ucs2 ? 70 : 160);
        expect(parts.join('').replaceAll(' ', '')).toBe(words.join(''));
      }),
      { seed: 1708, numRuns: 300 },
    );
  });
});

describe('SMS requests', () => {
  test('LAPOR and STATUS in any case; anything else asks for help', () => {
    expect(smsRequestOf('lapor#Jalan rusak')).toEqual({ kind: 'report', text: 'Jalan rusak' });
    expect(smsRequestOf('  LAPOR  Jalan rusak  ')).toEqual({ kind: 'report', text: 'Jalan rusak' });
    expect(smsRequestOf('LAPOR')).toEqual({ kind: 'help' });
    expect(smsRequestOf('LAPORAN jalan')).toEqual({ kind: 'help' });
    expect(smsRequestOf('halo')).toEqual({ kind: 'help' });
    expect(smsRequestOf('STATUS 1234')).toEqual({ kind: 'help' });
  });
});

describe('webhook signatures', () => {
  const secret = 's'.repeat(32);
  const body = Buffer.from('{"a":1}');
  const now = new Date('2025-03-03T02:00:00Z');
  const t = now.getTime() / 1000;
  const sign = (timestamp: number, bytes: Buffer = body) => createHmac('sha256', secret).update(`${timestamp}.`).update(bytes).digest('hex');
  const check = (header: string | undefined) => checkWebhookSignature({ secret, header, rawBody: body, now, maxAgeSeconds: 300 });

  test('accepts the right signature within the age, either side of the clock', () => {
    expect(check(`t=${t},v1=${sign(t)}`)).toEqual({ ok: true });
    expect(check(`t=${t + 300},v1=${sign(t + 300)}`)).toEqual({ ok: true });
    expect(check(`t=${t - 300},v1=${sign(t - 300)}`)).toEqual({ ok: true });
  });

  test('refuses missing, malformed, stale and mismatching signatures, each with its reason', () => {
    expect(check(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(check(`v1=${sign(t)}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(check(`t=${t},v1=${sign(t).toUpperCase()}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(check(`t=${t - 301},v1=${sign(t - 301)}`)).toEqual({ ok: false, reason: 'stale' });
    expect(check(`t=${t + 301},v1=${sign(t + 301)}`)).toEqual({ ok: false, reason: 'stale' });
    expect(check(`t=${t},v1=${sign(t - 1)}`)).toEqual({ ok: false, reason: 'mismatch' });
    expect(check(`t=${t},v1=${sign(t, Buffer.from('{"a":2}'))}`)).toEqual({ ok: false, reason: 'mismatch' });
  });
});

describe('gateway reports', () => {
  const receivedAt = new Date('2025-03-02T18:30:00Z'); // 01:30 on 3 March in Jakarta

  test('the incident date is the Jakarta date of receipt; a long text gets a title cut between words', () => {
    const text = `${'Jalan berlubang '.repeat(10)}di depan pasar.`;
    const report = gatewayReport(text, { receivedAt, defaultRegionCode: '31' });
    expect(report.incidentDate).toBe('2025-03-03');
    expect(report.title.endsWith('berlubang…')).toBe(true);
    expect(report.title.length).toBeLessThanOrEqual(81);
    expect(report.chronology).toBe(text.trim());
  });

  test('a region code that does not exist stays part of the text', () => {
    const report = gatewayReport('99.99 Jalan rusak', { receivedAt, defaultRegionCode: '31' });
    expect(report).toMatchObject({ regionCode: '31', chronology: '99.99 Jalan rusak' });
  });
});

describe('tweet threads', () => {
  test('a reply that fits is one tweet; a longer one is cut between words into tweets of at most 268 Latin characters', () => {
    expect(tweetParts('@warga LAPOR! Laporan Anda diterima.')).toEqual(['@warga LAPOR! Laporan Anda diterima.']);
    const text = Array.from({ length: 120 }, (_, index) => `kata${index}`).join(' ');
    const parts = tweetParts(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(268);
    expect(parts.join(' ')).toBe(text);
  });

  test('an emoji or a CJK character weighs two, as X counts them', () => {
    expect(tweetParts('😀'.repeat(134))).toEqual(['😀'.repeat(134)]);
    expect(tweetParts('😀'.repeat(135))).toEqual(['😀'.repeat(134), '😀']);
    expect(tweetParts('中'.repeat(135)).map((part) => [...part].length)).toEqual([134, 1]);
  });
});
