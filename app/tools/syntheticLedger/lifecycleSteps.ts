import type { Complaint, ComplaintCommand, OutOfScopeMatter } from '../../../domain/complaint';
import { agencyRegistry } from '../../../domain/routing';
import type { ResolutionClass } from '../../../domain/timeLimits';
import type { StepName } from './outcomePlans';
import type { Prng } from './prng';
import { WeightedChoice } from './weightedChoice';

/** Who makes a move: the actor is derived from the complaint when the move is made. */
export type Mover = 'admin' | 'agency' | 'reporter' | 'system';

/**
 * When a move happens, from the previous one:
 * - prompt: before the running deadline (a random share of the time left), else within hours;
 * - afterDeadline: the scheduler's run shortly after the running deadline passed;
 * - later: some days on, with no deadline in view (a late acceptance, the end of a hold).
 */
export type Timing = 'prompt' | 'afterDeadline' | 'later';

export interface StepInput {
  readonly prng: Prng;
  readonly complaint: Complaint;
  /** The agency the routing table proposes for this complaint. */
  readonly proposedAgencyId: string;
  /** An earlier complaint, for merging duplicates. */
  readonly earlierComplaintId: string | undefined;
}

export interface Step {
  readonly mover: Mover;
  readonly timing: Timing;
  /** The command, or undefined when the move does not apply to this complaint (it is skipped). */
  command(input: StepInput): ComplaintCommand | undefined;
}

/** Top-level bodies (no units): where a declined complaint may be re-routed. */
const topLevelAgencies = agencyRegistry.list().filter((a) => a.kind !== 'unit').map((a) => a.id);
const resolutionClasses = new WeightedChoice<ResolutionClass>([
  ['short', 30],
  ['medium', 55],
  ['long', 15],
]);
const scores = new WeightedChoice<number>([
  [1, 12],
  [2, 8],
  [3, 15],
  [4, 30],
  [5, 35],
]);
const OUT_OF_SCOPE: readonly OutOfScopeMatter[] = ['law', 'legislative', 'corruption', 'criminal'];

const ownerAgency = (complaint: Complaint): string | undefined => (complaint.owner.kind === 'agency' ? complaint.owner.agencyId : undefined);

function otherAgency(prng: Prng, complaint: Complaint): string {
  const current = ownerAgency(complaint) ?? complaint.declines.at(-1)?.agencyId;
  for (;;) {
    const candidate = prng.pick(topLevelAgencies);
    if (candidate !== current) return candidate;
  }
}

const admin = (timing: Timing, command: Step['command']): Step => ({ mover: 'admin', timing, command });
const agency = (timing: Timing, command: Step['command']): Step => ({ mover: 'agency', timing, command });
const reporter = (command: Step['command']): Step => ({ mover: 'reporter', timing: 'prompt', command });
/** The scheduler's moves: the command comes from scheduledActions at that time (see complaintLifecycle). */
const scheduler = (type: 'EscalateComplaint' | 'AutoCloseComplaint'): Step => ({ mover: 'system', timing: 'afterDeadline', command: () => ({ type, key: '(scheduled)' }) });

const followUpText = (prng: Prng): string =>
  prng.pick(['Laporan sudah kami terima dan sedang ditindaklanjuti oleh unit terkait.', 'Tim sudah meninjau lokasi; perbaikan dijadwalkan minggu ini.', 'Kami sudah berkoordinasi dengan petugas di lapangan.']);

export const STEPS: Readonly<Record<StepName, Step>> = {
  dispose: admin('prompt', ({ proposedAgencyId }) => ({ type: 'DisposeComplaint', agencyId: proposedAgencyId })),
  reroute: admin('prompt', ({ prng, complaint }) => ({ type: 'DisposeComplaint', agencyId: complaint.declines.at(-1)?.suggestedAgencyId ?? otherAgency(prng, complaint), note: 'Dialihkan ke instansi yang berwenang.' })),
  rejectSpam: admin('prompt', () => ({ type: 'RejectComplaint', rejection: { reason: 'spam' } })),
  rejectIncomplete: admin('prompt', () => ({ type: 'RejectComplaint', rejection: { reason: 'incomplete' }, note: 'Laporan tidak memuat lokasi dan waktu kejadian.' })),
  rejectOutOfScope: admin('prompt', ({ prng }) => ({ type: 'RejectComplaint', rejection: { reason: 'out_of_scope', matter: prng.pick(OUT_OF_SCOPE) } })),
  hold: admin('prompt', () => ({ type: 'HoldComplaint', reason: 'Menunggu konfirmasi data dari instansi terkait.' })),
  resumeFromHold: admin('later', ({ proposedAgencyId }) => ({ type: 'DisposeComplaint', agencyId: proposedAgencyId })),
  requestInformation: admin('prompt', () => ({ type: 'RequestInformation', question: 'Mohon lengkapi alamat lengkap dan waktu kejadian.' })),
  supplement: reporter(() => ({ type: 'SupplementInformation', text: 'Lokasinya di depan kantor kelurahan, kejadian setiap pagi.', attachments: [] })),
  merge: admin('prompt', ({ earlierComplaintId }) => (earlierComplaintId === undefined ? undefined : { type: 'MergeDuplicate', masterComplaintId: earlierComplaintId })),
  accept: agency('prompt', ({ prng }) => ({ type: 'AcceptAssignment', resolutionClass: resolutionClasses.draw(prng) })),
  acceptLate: agency('later', ({ prng }) => ({ type: 'AcceptAssignment', resolutionClass: resolutionClasses.draw(prng) })),
  decline: agency('prompt', ({ prng, complaint }) => ({
    type: 'DeclineAssignment',
    reason: 'Bukan wewenang instansi kami.',
    ...(prng.chance(0.4) ? { suggestedAgencyId: otherAgency(prng, complaint) } : {}),
  })),
  delegate: agency('prompt', ({ prng, complaint }) => {
    const owner = ownerAgency(complaint);
    const units = owner === undefined ? [] : agencyRegistry.unitsOf(owner);
    return units.length === 0 ? undefined : { type: 'DelegateToUnit', unitId: prng.pick(units).id };
  }),
  followUp: agency('prompt', ({ prng }) => ({ type: 'PostFollowUp', followUpId: `fu-${prng.uuid()}`, visibility: 'public', text: followUpText(prng), attachments: [] })),
  internalNote: agency('prompt', ({ prng }) => ({ type: 'PostFollowUp', followUpId: `fu-${prng.uuid()}`, visibility: 'internal', text: 'Catatan internal: perlu anggaran perubahan.', attachments: [] })),
  resolve: agency('prompt', () => ({ type: 'ResolveComplaint', summary: 'Permasalahan sudah diselesaikan oleh unit terkait.' })),
  reply: reporter(() => ({ type: 'ReplyToFollowUp', text: 'Terima kasih, tetapi masalahnya belum selesai sepenuhnya.', attachments: [] })),
  rate: reporter(({ prng }) => ({ type: 'RateOutcome', score: scores.draw(prng) })),
  reopen: reporter(() => ({ type: 'ReopenComplaint', reason: 'Masalah yang sama terjadi lagi.' })),
  escalate: scheduler('EscalateComplaint'),
  autoClose: scheduler('AutoCloseComplaint'),
};
