import { createWorkingDayCalendar } from '../../../domain/calendar';
import type { AgencyDirectory, DecisionActor, DecisionContext } from '../../../domain/complaint';
import type { CommandOf, ComplaintEvent, EventData } from '../../../domain/complaint';
import { complaintEvent } from '../../../domain/complaint';
import type { SealedPersonalData } from '../../../domain/personalData';
import { defaultTimeLimits, type TimeLimits } from '../../../domain/timeLimits';

/** Monday 3 March 2025, 09:00 in Jakarta: an ordinary working week. */
export const T0 = '2025-03-03T09:00:00+07:00';
/** Working-day deadlines counted from T0, by hand: Tue 4, Wed 5, Thu 6, Fri 7, Mon 10 ... Mon 17, Fri 21 March. */
export const T0_PLUS_3 = '2025-03-06T23:59:59.999+07:00';
export const T0_PLUS_5 = '2025-03-10T23:59:59.999+07:00';
export const T0_PLUS_10 = '2025-03-17T23:59:59.999+07:00';
export const T0_PLUS_14 = '2025-03-21T23:59:59.999+07:00';
/** Friday 7 March 2025: T0 + 3 working days has passed. */
export const AFTER_3 = '2025-03-07T09:00:00+07:00';
/** Tuesday 11 March 2025: T0 + 5 has passed. */
export const AFTER_5 = '2025-03-11T09:00:00+07:00';
/** Tuesday 18 March 2025: T0 + 10 has passed. */
export const AFTER_10 = '2025-03-18T09:00:00+07:00';
/** Monday 24 March 2025: T0 + 14 has passed. */
export const AFTER_14 = '2025-03-24T09:00:00+07:00';

export const COMPLAINT_ID = '0b6c3c1e-4f7e-4a52-9d2a-6a3c9f0e1a11';
export const MASTER_ID = '7d1f2b9a-3c4e-4b5f-8a6d-1e2f3a4b5c6d';
export const TRACKING_ID = '8M4K-2QX7-9TZ3';

/** The agencies of these tests: Bandung city under West Java province, with one unit. */
const PARENTS: Readonly<Record<string, string | undefined>> = {
  kemenkes: undefined,
  'pemprov-jabar': undefined,
  'pemkot-bandung': 'pemprov-jabar',
  'pemkot-bandung-dishub': 'pemkot-bandung',
  'pemkot-bogor': 'pemprov-jabar',
};
export const agencies: AgencyDirectory = {
  exists: (id) => Object.hasOwn(PARENTS, id),
  parentOf: (id) => PARENTS[id],
};

export const actors = {
  citizen: { id: 'anon-session-1', role: 'public' },
  reporter: { id: 'acct-reporter', role: 'reporter' },
  otherReporter: { id: 'acct-other', role: 'reporter' },
  admin: { id: 'admin-1', role: 'admin' },
  bandung: { id: 'officer-bdg', role: 'agency_officer', agencyId: 'pemkot-bandung' },
  dishub: { id: 'officer-dishub', role: 'agency_officer', agencyId: 'pemkot-bandung-dishub' },
  jabar: { id: 'officer-jabar', role: 'agency_officer', agencyId: 'pemprov-jabar' },
  bogor: { id: 'officer-bogor', role: 'agency_officer', agencyId: 'pemkot-bogor' },
  kemenkes: { id: 'officer-kemenkes', role: 'agency_officer', agencyId: 'kemenkes' },
  ombudsman: { id: 'orinspector-1', role: 'ombudsman' },
  gateway: { id: 'sms-gateway', role: 'channel_gateway' },
  system: { id: 'scheduler', role: 'system' },
} as const satisfies Record<string, DecisionActor>;

const calendar = createWorkingDayCalendar();

export function contextFor(actor: DecisionActor, now: string = T0, limits: Partial<TimeLimits> = {}): DecisionContext {
  return { actor, now, agencies, limits: { ...defaultTimeLimits, ...limits }, calendar };
}

export const sealedReporter: SealedPersonalData = {
  keyId: 'reporter-key-1',
  alg: 'A256GCM',
  iv: 'AAAAAAAAAAAAAAAA',
  ciphertext: 'c2VhbGVkIGRhdGE=',
  tag: 'AAAAAAAAAAAAAAAAAAAAAA==',
};

export function submitCommand(overrides: Partial<CommandOf<'SubmitComplaint'>> = {}): CommandOf<'SubmitComplaint'> {
  return {
    type: 'SubmitComplaint',
    complaintId: COMPLAINT_ID,
    trackingId: TRACKING_ID,
    kind: 'pengaduan',
    title: 'Jalan berlubang di Jl. Soekarno-Hatta',
    chronology: 'Sejak Januari ada lubang besar di depan pasar; dua pengendara motor sudah jatuh.',
    incidentDate: '2025-02-20',
    regionCode: '32.73',
    category: 'jalan-rusak',
    attachments: [],
    anonymous: false,
    confidential: false,
    channel: 'web',
    reporter: sealedReporter,
    ...overrides,
  };
}

/** Hand-written events, one factory per type, with the times and deadlines of T0. */
export const events = {
  submitted: (overrides: Partial<EventData<'ComplaintSubmitted'>> = {}): ComplaintEvent => {
    const { type: _type, ...report } = submitCommand();
    return complaintEvent('ComplaintSubmitted', { ...report, reporterAccountId: actors.reporter.id, at: T0, verifyBy: T0_PLUS_3, ...overrides });
  },
  verified: () => complaintEvent('ComplaintVerified', { at: T0 }),
  disposed: (agencyId = 'pemkot-bandung') => complaintEvent('ComplaintDisposed', { agencyId, at: T0, respondBy: T0_PLUS_5 }),
  accepted: (agencyId = 'pemkot-bandung') => complaintEvent('AssignmentAccepted', { agencyId, resolutionClass: 'medium', at: T0, resolveBy: T0_PLUS_14 }),
  declined: (agencyId = 'pemkot-bandung') =>
    complaintEvent('AssignmentDeclined', { agencyId, reason: 'Bukan wewenang kota', returnedTo: { kind: 'admin_queue' }, at: T0, nextDueAt: T0_PLUS_3 }),
  delegated: () => complaintEvent('ComplaintDelegated', { agencyId: 'pemkot-bandung', unitId: 'pemkot-bandung-dishub', at: T0 }),
  onHold: () => complaintEvent('ComplaintPutOnHold', { reason: 'Menunggu data BPS', at: T0 }),
  informationRequested: () => complaintEvent('InformationRequested', { question: 'Di nomor berapa tepatnya?', at: T0, replyBy: T0_PLUS_10 }),
  followUp: (visibility: 'public' | 'internal' = 'public', byAgencyId = 'pemkot-bandung', followUpId = 'fu-1') =>
    complaintEvent('FollowUpPosted', { followUpId, byAgencyId, visibility, text: 'Tim sudah meninjau lokasi.', attachments: [], at: T0 }),
  resolved: () => complaintEvent('ComplaintResolved', { agencyId: 'pemkot-bandung', summary: 'Lubang sudah ditambal.', at: T0, replyBy: T0_PLUS_10 }),
  rejected: () => complaintEvent('ComplaintRejected', { rejection: { reason: 'spam' }, at: T0 }),
  merged: () => complaintEvent('ComplaintMerged', { masterComplaintId: MASTER_ID, at: T0 }),
  redacted: () => complaintEvent('PublicTextRedacted', { title: 'Jalan berlubang', chronology: 'Lubang besar di depan pasar.', at: T0 }),
  rated: () => complaintEvent('OutcomeRated', { score: 4, at: T0 }),
  replied: () => complaintEvent('ReporterReplied', { text: 'Terima kasih, tapi masih ada satu lubang.', attachments: [], at: T0 }),
  supplemented: () => complaintEvent('InformationSupplemented', { text: 'Foto terlampir.', attachments: [], at: T0 }),
  supported: (accountId: string = actors.otherReporter.id) => complaintEvent('ComplaintSupported', { accountId, at: T0 }),
  madeConfidential: () => complaintEvent('ComplaintMadeConfidential', { at: T0 }),
  erased: () => complaintEvent('ReporterDataErased', { at: T0 }),
  finding: () => complaintEvent('OversightFindingRecorded', { findingId: 'f-1', finding: 'Penundaan berlarut.', maladministration: true, at: T0 }),
  closed: (key = `${COMPLAINT_ID}/auto-close/reporter_reply/${T0_PLUS_10}`) =>
    complaintEvent('ComplaintClosed', { cause: 'reply_window_elapsed', key, at: AFTER_10 }),
};

/** Histories that put the complaint in each status. */
export const histories = {
  submitted: (): ComplaintEvent[] => [events.submitted()],
  disposed: (): ComplaintEvent[] => [events.submitted(), events.verified(), events.disposed()],
  inProgress: (): ComplaintEvent[] => [...histories.disposed(), events.accepted()],
  resolved: (): ComplaintEvent[] => [...histories.inProgress(), events.followUp(), events.resolved()],
  returnedToAdmin: (): ComplaintEvent[] => [...histories.disposed(), events.declined()],
  closedAfterReplyWindow: (): ComplaintEvent[] => [...histories.resolved(), events.closed()],
  rejected: (): ComplaintEvent[] => [events.submitted(), events.rejected()],
};
