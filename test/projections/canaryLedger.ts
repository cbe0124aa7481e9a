import { randomUUID } from 'node:crypto';
import { scheduledActions, rebuild, type DecisionActor } from '../../domain/complaint';
import type { PersonalData } from '../../domain/personalData';
import type { EventStore } from '../../eventstore/port';
import type { PersonalDataVault } from '../../eventstore/vault/personalDataVault';
import { LedgerWriter } from './ledgerWriter';

/** Agency A handles first and declines, B resolves, C is never involved. */
export const AGENCY_A = 'pemkot-bandung';
export const AGENCY_B = 'pemkot-bogor';
export const AGENCY_C = 'kemenkes';

const admin: DecisionActor = { id: 'admin-1', role: 'admin' };
const system: DecisionActor = { id: 'scheduler', role: 'system' };
const officer = (agencyId: string): DecisionActor => ({ id: `officer-${agencyId}`, role: 'agency_officer', agencyId });

/** Unique strings per complaint: where the matrix forbids them, they must not appear. */
export function canariesOf(n: number) {
  return {
    name: `Nama CANARYNAME${n}`,
    phone: `+62811CANARYPHONE${n}`,
    email: `canary.email.${n}@example.org`,
    nik: `32730000000099${String(n).padStart(2, '0')}`,
    title: `Jalan rusak CANARYTITLE${n}`,
    chronology: `Kronologi lengkap CANARYTEXT${n} di depan pasar.`,
    noteA: `Catatan internal CANARYNOTEA${n}`,
    noteB: `Catatan internal CANARYNOTEB${n}`,
    publicFollowUp: `Tindak lanjut publik nomor ${n}`,
    reply: `Balasan pelapor CANARYREPLY${n}`,
  };
}
export type Canaries = ReturnType<typeof canariesOf>;

export interface CanaryComplaint {
  readonly n: number;
  readonly complaintId: string;
  readonly trackingId: string;
  readonly accountId: string;
  readonly anonymous: boolean;
  readonly confidential: boolean;
  /** The first one is redacted by the admin: the public sees this title instead. */
  readonly redactedTitle?: string;
  readonly canaries: Canaries;
}

export interface FixtureLedger {
  readonly canaryComplaints: readonly CanaryComplaint[];
  readonly complaintIds: readonly string[];
}

/** Monday 3 March 2025, 09:00 Jakarta. */
const START_MS = Date.parse('2025-03-03T09:00:00+07:00');
const at = (hours: number): string => new Date(START_MS + hours * 3_600_000).toISOString().replace('Z', '+00:00');

const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const trackingIdOf = (n: number, salt: string): string =>
  `LP${salt}${String(n).padStart(4, '0')}`.replace(/[^0-9A-Z]/g, '0').replace(/[ILOU]/g, (c) => TRACKING_ALPHABET[c.charCodeAt(0) % 32]!);

async function submit(
  writer: LedgerWriter,
  vault: PersonalDataVault,
  input: { complaintId: string; trackingId: string; accountId: string; n: number; anonymous: boolean; confidential: boolean; category: string; regionCode: string; channel: 'web' | 'app'; personal: PersonalData; title: string; chronology: string },
  hours: number,
): Promise<void> {
  const reporter = await vault.seal(`reporter-${input.accountId}`, input.personal);
  await writer.run(
    input.complaintId,
    {
      type: 'SubmitComplaint',
      complaintId: input.complaintId,
      trackingId: input.trackingId,
      accessCodeHash: `scrypt$fixture$${input.n}`,
      kind: 'pengaduan',
      title: input.title,
      chronology: input.chronology,
      incidentDate: '2025-02-20',
      regionCode: input.regionCode,
      category: input.category,
      attachments: [],
      anonymous: input.anonymous,
      confidential: input.confidential,
      channel: input.channel,
      reporter,
    },
    { id: input.accountId, role: 'reporter' },
    at(hours),
  );
}

/** The full journey of the leak test: A accepts, notes, declines; B accepts, follows up, notes, resolves; reporter replies. */
async function canaryJourney(writer: LedgerWriter, vault: PersonalDataVault, n: number, salt: string): Promise<CanaryComplaint> {
  const anonymous = (n & 1) === 1;
  const confidential = (n & 2) === 2;
  const c = canariesOf(n);
  const complaintId = randomUUID();
  const trackingId = trackingIdOf(n, salt);
  const accountId = `acct-canary-${salt}-${n}`;
  const h = n * 2;
  await submit(writer, vault, {
    complaintId, trackingId, accountId, n, anonymous, confidential, category: 'infrastruktur', regionCode: '32.73', channel: 'web',
    personal: { name: c.name, phone: c.phone, email: c.email, nik: c.nik }, title: c.title, chronology: c.chronology,
  }, h);
  const redactedTitle = n === 0 ? 'Jalan rusak (judul disunting)' : undefined;
  if (redactedTitle) await writer.run(complaintId, { type: 'RedactPublicText', title: redactedTitle, chronology: 'Kronologi disunting oleh admin.' }, admin, at(h + 1));
  await writer.run(complaintId, { type: 'DisposeComplaint', agencyId: AGENCY_A }, admin, at(h + 2));
  await writer.run(complaintId, { type: 'AcceptAssignment', resolutionClass: 'medium' }, officer(AGENCY_A), at(h + 3));
  await writer.run(complaintId, { type: 'PostFollowUp', followUpId: `fu-a-${n}`, visibility: 'internal', text: c.noteA, attachments: [] }, officer(AGENCY_A), at(h + 4));
  await writer.run(complaintId, { type: 'DeclineAssignment', reason: 'Bukan wewenang kota Bandung.' }, officer(AGENCY_A), at(h + 5));
  await writer.run(complaintId, { type: 'DisposeComplaint', agencyId: AGENCY_B }, admin, at(h + 6));
  await writer.run(complaintId, { type: 'AcceptAssignment', resolutionClass: 'short' }, officer(AGENCY_B), at(h + 7));
  await writer.run(complaintId, { type: 'PostFollowUp', followUpId: `fu-b-${n}`, visibility: 'public', text: c.publicFollowUp, attachments: [] }, officer(AGENCY_B), at(h + 8));
  await writer.run(complaintId, { type: 'PostFollowUp', followUpId: `fu-b2-${n}`, visibility: 'internal', text: c.noteB, attachments: [] }, officer(AGENCY_B), at(h + 9));
  await writer.run(complaintId, { type: 'ResolveComplaint', summary: `Sudah diperbaiki (${n}).` }, officer(AGENCY_B), at(h + 30 + n * 40));
  await writer.run(complaintId, { type: 'ReplyToFollowUp', text: c.reply, attachments: [] }, { id: accountId, role: 'reporter' }, at(h + 50 + n * 40));
  return { n, complaintId, trackingId, accountId, anonymous, confidential, ...(redactedTitle ? { redactedTitle } : {}), canaries: c };
}

const CATEGORIES = ['kesehatan', 'pendidikan', 'infrastruktur', 'kependudukan', 'perhubungan'];
const REGIONS = ['31.71', '32.73', '33.74', '35.78', '51.71'];
const HANDLERS = [AGENCY_A, AGENCY_B, AGENCY_C];

/** A complaint that goes only part of the way: gives the statistics every status and some variety. */
async function backgroundComplaint(writer: LedgerWriter, vault: PersonalDataVault, i: number, salt: string): Promise<string> {
  const complaintId = randomUUID();
  const accountId = `acct-bg-${salt}-${i}`;
  const agency = HANDLERS[i % 3]!;
  const h = 10 + i * 7;
  await submit(writer, vault, {
    complaintId, trackingId: trackingIdOf(100 + i, salt), accountId, n: 100 + i, anonymous: i % 4 === 1, confidential: i % 5 === 2,
    category: CATEGORIES[i % CATEGORIES.length]!, regionCode: REGIONS[(i * 3) % REGIONS.length]!, channel: i % 2 === 0 ? 'web' : 'app',
    personal: { name: `Pelapor ${i}` }, title: `Keluhan layanan nomor ${i}`, chronology: `Antrian puskesmas lama sekali, kasus ${i}.`,
  }, h);
  const stage = i % 8;
  if (stage === 0) return complaintId; // stays with the admin
  if (stage === 1) {
    await writer.run(complaintId, { type: 'RejectComplaint', rejection: { reason: 'spam' } }, admin, at(h + 1));
    return complaintId;
  }
  await writer.run(complaintId, { type: 'DisposeComplaint', agencyId: agency }, admin, at(h + 1));
  if (stage === 2) return complaintId; // awaiting the agency's response
  if (stage === 3) {
    // Bounces: declined twice, escalated by the domain for repeated declines.
    await writer.run(complaintId, { type: 'DeclineAssignment', reason: 'Bukan wewenang.' }, officer(agency), at(h + 2));
    const other = HANDLERS[(i + 1) % 3]!;
    await writer.run(complaintId, { type: 'DisposeComplaint', agencyId: other }, admin, at(h + 3));
    await writer.run(complaintId, { type: 'DeclineAssignment', reason: 'Bukan wewenang juga.' }, officer(other), at(h + 4));
    return complaintId;
  }
  await writer.run(complaintId, { type: 'AcceptAssignment', resolutionClass: 'short' }, officer(agency), at(h + 2 + (stage === 4 ? 200 : 0)));
  if (stage === 4) {
    // Accepted late, then the resolution deadline passes: the scheduler escalates.
    const later = at(h + 2000);
    const due = scheduledActions(rebuild(await writer.history(complaintId)), later);
    for (const action of due) if (action.type === 'EscalateComplaint') await writer.run(complaintId, { type: 'EscalateComplaint', key: action.key }, system, later);
    return complaintId;
  }
  await writer.run(complaintId, { type: 'PostFollowUp', followUpId: `fu-${i}`, visibility: 'public', text: `Sedang ditangani ${i}.`, attachments: [] }, officer(agency), at(h + 3 + i));
  if (stage === 5) return complaintId;
  await writer.run(complaintId, { type: 'ResolveComplaint', summary: 'Selesai.' }, officer(agency), at(h + 10 + i * 13));
  if (stage === 7) {
    // As the command side does: the event, and the key destroyed.
    await writer.run(complaintId, { type: 'EraseReporterData' }, { id: accountId, role: 'reporter' }, at(h + 20 + i * 13));
    await vault.erase(`reporter-${accountId}`);
  }
  return complaintId;
}

/** The four anonymous x confidential canary complaints and `background` others, written through decide. */
export async function writeFixtureLedger(store: EventStore, vault: PersonalDataVault, background = 16): Promise<FixtureLedger> {
  const writer = new LedgerWriter(store);
  const salt = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
  const canaryComplaints: CanaryComplaint[] = [];
  for (let n = 0; n < 4; n++) canaryComplaints.push(await canaryJourney(writer, vault, n, salt));
  // Written side by side, as complaints arrive: their streams interleave in the ledger, so a
  // rebuild that reads it stream by stream applies events out of global order.
  const others = await Promise.all(Array.from({ length: background }, (_, i) => backgroundComplaint(writer, vault, i, salt)));
  return { canaryComplaints, complaintIds: [...canaryComplaints.map((c) => c.complaintId), ...others] };
}
