import { ComplaintCategory, categoryNames, regionData } from '../../../domain/routing';
import type { Channel, ComplaintKind } from '../../../domain/complaint';
import type { Prng } from './prng';
import { WeightedChoice } from './weightedChoice';

/** Channel shares: the web form and the app carry most reports; SMS 1708, Twitter/X and Open311 the rest. */
export const CHANNEL_SHARES: readonly (readonly [Channel, number])[] = [
  ['web', 45],
  ['app', 25],
  ['sms', 15],
  ['twitter', 10],
  ['open311', 5],
];
const channels = new WeightedChoice(CHANNEL_SHARES);
const kinds = new WeightedChoice<ComplaintKind>([
  ['pengaduan', 80],
  ['aspirasi', 14],
  ['permintaan_informasi', 6],
]);
/** The topics LAPOR! hears most about weigh more; every other category still occurs. */
const FREQUENT: Partial<Record<ComplaintCategory, number>> = {
  infrastruktur: 12,
  kependudukan: 9,
  kesehatan: 7,
  'jaminan-kesehatan': 6,
  pendidikan: 6,
  sosial: 6,
  'energi-listrik': 4,
  kepegawaian: 4,
  'lingkungan-hidup': 4,
  ketenagakerjaan: 3,
};
const categories = new WeightedChoice(ComplaintCategory.options.map((c) => [c, FREQUENT[c] ?? 1] as const));
/** Java, Sumatra's big provinces and the cities file more: weight regencies by a rough population factor. */
const regencies = new WeightedChoice(regionData.regencies.map((r) => [r.code, r.code.startsWith('3') ? 4 : r.code.startsWith('1') || r.code.startsWith('7') ? 2 : 1] as const));

export const ANONYMOUS_SHARE = 0.1;
export const CONFIDENTIAL_SHARE = 0.08;
/** Of web and app reports, the share filed while logged in (the rest by the public without an account). */
const WITH_ACCOUNT_SHARE = 0.85;

const PROBLEMS = ['tidak kunjung ditangani', 'dipungut biaya tidak resmi', 'pelayanan sangat lambat', 'petugas tidak ada di tempat', 'rusak sejak lama', 'dipersulit tanpa alasan jelas'];

export interface ComplaintProfile {
  readonly channel: Channel;
  readonly kind: ComplaintKind;
  readonly category: ComplaintCategory;
  readonly regionCode: string;
  readonly anonymous: boolean;
  readonly confidential: boolean;
  /** Filed by a logged-in reporter (who may then reply, rate and reopen). */
  readonly withAccount: boolean;
  readonly title: string;
  readonly chronology: string;
}

export function drawProfile(prng: Prng): ComplaintProfile {
  const channel = channels.draw(prng);
  const category = categories.draw(prng);
  const problem = prng.pick(PROBLEMS);
  const topic = categoryNames[category].id;
  return {
    channel,
    kind: kinds.draw(prng),
    category,
    regionCode: regencies.draw(prng),
    anonymous: prng.chance(ANONYMOUS_SHARE),
    confidential: prng.chance(CONFIDENTIAL_SHARE),
    withAccount: (channel === 'web' || channel === 'app') && prng.chance(WITH_ACCOUNT_SHARE),
    title: `${topic}: ${problem}`.slice(0, 200),
    chronology: `Laporan ${prng.int(10_000)}: layanan ${topic.toLowerCase()} di wilayah kami ${problem}. Sudah ${2 + prng.int(20)} hari kami menunggu tanpa kejelasan. Mohon ditindaklanjuti.`,
  };
}
