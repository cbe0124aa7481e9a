import { rebuild, viewFor, type Audience, type Complaint, type ComplaintView, type VisibilityInput } from '../../../domain/complaint';
import type { OpenedPersonalData } from '../../../domain/personalData';
import { events, histories } from './fixtures';

const NAME = 'Budi Santoso';
const PHONE = '+6281234567890';
const EMAIL = 'budi@example.id';
const NIK = '3273010101900001';
const opened: OpenedPersonalData = { erased: false, data: { name: NAME, phone: PHONE, email: EMAIL, nik: NIK } };

const ORIGINAL_TITLE = 'Jalan berlubang di Jl. Soekarno-Hatta';
const REDACTED_TITLE = 'Jalan berlubang';

/**
 * Bogor had the case first (left an internal note, then declined); Bandung has it now
 * (a public follow-up and an internal note); the reporter replied and supplemented; the
 * admin redacted the public text.
 */
function complaintWith(anonymous: boolean, confidential: boolean): Complaint {
  const state = rebuild([
    events.submitted({ anonymous, confidential }),
    events.verified(),
    events.disposed('pemkot-bogor'),
    events.accepted('pemkot-bogor'),
    events.followUp('internal', 'pemkot-bogor', 'fu-bogor-note'),
    events.declined('pemkot-bogor'),
    events.informationRequested(),
    events.supplemented(),
    events.disposed('pemkot-bandung'),
    events.accepted('pemkot-bandung'),
    events.followUp('public', 'pemkot-bandung', 'fu-public'),
    events.followUp('internal', 'pemkot-bandung', 'fu-bandung-note'),
    events.replied(),
    events.redacted(),
  ]);
  if (!state.exists) throw new Error('fixture did not build');
  return state;
}

const audiences: Record<'public' | 'reporter' | 'agency' | 'admin' | 'ombudsman', Audience> = {
  public: { kind: 'public' },
  reporter: { kind: 'reporter', proof: { by: 'account', accountId: 'acct-reporter' } },
  agency: { kind: 'agency', agencyId: 'pemkot-bandung' },
  admin: { kind: 'admin' },
  ombudsman: { kind: 'ombudsman' },
};

/** What one audience sees, reduced to the cells of the DESIGN.md matrix. */
interface Observed {
  shape: 'case' | 'status_only';
  text: 'redacted' | 'original' | 'none';
  attachments: boolean;
  name: string | null | 'absent';
  contact: boolean;
  followUps: string[] | 'none';
  reporterMessages: string[] | 'none';
  statusAndOwner: 'status+owner+dates' | 'status only';
  oversight: boolean;
}

function observe(view: ComplaintView): Observed {
  if (view === undefined) throw new Error('expected a view');
  if (view.shape === 'status_only') {
    return { shape: 'status_only', text: 'none', attachments: false, name: 'absent', contact: false, followUps: 'none', reporterMessages: 'none', statusAndOwner: 'status only', oversight: false };
  }
  return {
    shape: 'case',
    text: view.title === REDACTED_TITLE ? 'redacted' : view.title === ORIGINAL_TITLE ? 'original' : 'none',
    attachments: 'attachments' in view,
    name: view.reporterName,
    contact: 'reporterContact' in view,
    followUps: view.followUps.map((f) => f.followUpId),
    reporterMessages: view.reporterMessages.map((m) => m.kind),
    statusAndOwner: view.owner !== undefined && view.submittedAt !== undefined ? 'status+owner+dates' : 'status only',
    oversight: 'oversight' in view,
  };
}

// Written out by hand from the DESIGN.md matrix; one row per anonymous x confidential x audience.
type Row = [keyof typeof audiences, boolean, boolean, Observed];
const statusOnly: Observed = { shape: 'status_only', text: 'none', attachments: false, name: 'absent', contact: false, followUps: 'none', reporterMessages: 'none', statusAndOwner: 'status only', oversight: false };
const ALL_NOTES = ['fu-bogor-note', 'fu-public', 'fu-bandung-note'];
const rows: Row[] = [
  // public: redacted text unless confidential; "Anonim" if anonymous; never contact or notes; confidential -> status only
  ['public', false, false, { shape: 'case', text: 'redacted', attachments: true, name: NAME, contact: false, followUps: ['fu-public'], reporterMessages: ['reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  ['public', true, false, { shape: 'case', text: 'redacted', attachments: true, name: 'Anonim', contact: false, followUps: ['fu-public'], reporterMessages: ['reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  ['public', false, true, statusOnly],
  ['public', true, true, statusOnly],
  // reporter (own): everything about their report, but no internal notes and no history
  ['reporter', false, false, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ['fu-public'], reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  ['reporter', true, false, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ['fu-public'], reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  ['reporter', false, true, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ['fu-public'], reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  ['reporter', true, true, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ['fu-public'], reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  // agency (assigned): content even if confidential; name only if not anonymous; never contact; its own internal notes only
  ['agency', false, false, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: false, followUps: ['fu-public', 'fu-bandung-note'], reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  ['agency', true, false, { shape: 'case', text: 'original', attachments: true, name: 'Anonim', contact: false, followUps: ['fu-public', 'fu-bandung-note'], reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  ['agency', false, true, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: false, followUps: ['fu-public', 'fu-bandung-note'], reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  ['agency', true, true, { shape: 'case', text: 'original', attachments: true, name: 'Anonim', contact: false, followUps: ['fu-public', 'fu-bandung-note'], reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: false }],
  // admin: everything, plus the oversight markers (history is served from the ledger)
  ['admin', false, false, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ALL_NOTES, reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: true }],
  ['admin', true, false, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ALL_NOTES, reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: true }],
  ['admin', false, true, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ALL_NOTES, reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: true }],
  ['admin', true, true, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ALL_NOTES, reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: true }],
  // ombudsman: as admin
  ['ombudsman', false, false, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ALL_NOTES, reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: true }],
  ['ombudsman', true, false, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ALL_NOTES, reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: true }],
  ['ombudsman', false, true, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ALL_NOTES, reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: true }],
  ['ombudsman', true, true, { shape: 'case', text: 'original', attachments: true, name: NAME, contact: true, followUps: ALL_NOTES, reporterMessages: ['supplement', 'reply'], statusAndOwner: 'status+owner+dates', oversight: true }],
];

describe('viewFor: the DESIGN.md visibility matrix', () => {
  it.each(rows)('%s sees the matrix cells when anonymous=%s, confidential=%s', (audience, anonymous, confidential, expected) => {
    const input: VisibilityInput = { complaint: complaintWith(anonymous, confidential), reporter: opened };
    expect(observe(viewFor(audiences[audience], input))).toEqual(expected);
  });

  it.each(rows.filter(([audience]) => audience === 'public' || audience === 'agency'))(
    'no contact detail reaches %s (anonymous=%s, confidential=%s), and no name when anonymous',
    (audience, anonymous, confidential) => {
      const text = JSON.stringify(viewFor(audiences[audience], { complaint: complaintWith(anonymous, confidential), reporter: opened }));
      for (const secret of [PHONE, EMAIL, NIK]) expect(text).not.toContain(secret);
      if (anonymous) expect(text).not.toContain(NAME);
    },
  );

  it('shows the public exactly tracking id and status for a confidential report', () => {
    const complaint = complaintWith(false, true);
    expect(viewFor({ kind: 'public' }, { complaint, reporter: opened })).toEqual({ shape: 'status_only', trackingId: complaint.trackingId, status: 'in_progress' });
  });

  it('shows the public the original text when no redaction exists', () => {
    const complaint = rebuild(histories.inProgress());
    if (!complaint.exists) throw new Error('fixture');
    expect(observe(viewFor({ kind: 'public' }, { complaint, reporter: opened })).text).toBe('original');
  });

  it('gives the admin and the Ombudsman the redaction next to the original, and the ledger stream for the history', () => {
    const view = viewFor({ kind: 'ombudsman' }, { complaint: complaintWith(false, false), reporter: opened });
    if (view?.shape !== 'case' || !view.oversight) throw new Error('expected an oversight view');
    expect(view.title).toBe(ORIGINAL_TITLE);
    expect(view.oversight.redaction?.title).toBe(REDACTED_TITLE);
    expect(view.oversight.historyStreamId).toBe('complaint-0b6c3c1e-4f7e-4a52-9d2a-6a3c9f0e1a11');
    expect(view.oversight.declines.map((d) => d.agencyId)).toEqual(['pemkot-bogor']);
  });

  it('shows an agency that had the complaint before, with only its own internal notes', () => {
    const view = viewFor({ kind: 'agency', agencyId: 'pemkot-bogor' }, { complaint: complaintWith(false, true), reporter: opened });
    expect(observe(view).followUps).toEqual(['fu-bogor-note', 'fu-public']);
  });

  it('shows nothing to an agency never assigned, or to another reporter', () => {
    const complaint = complaintWith(false, false);
    expect(viewFor({ kind: 'agency', agencyId: 'kemenkes' }, { complaint, reporter: opened })).toBeUndefined();
    expect(viewFor({ kind: 'reporter', proof: { by: 'account', accountId: 'acct-other' } }, { complaint, reporter: opened })).toBeUndefined();
  });

  it('shows a reporter holding the receipt access code their confidential report', () => {
    const view = viewFor({ kind: 'reporter', proof: { by: 'access_code' } }, { complaint: complaintWith(true, true), reporter: opened });
    expect(observe(view)).toEqual(rows[7]?.[3]);
  });

  it('after erasure, names and contact read as null, and anonymity still shows "Anonim"', () => {
    const erased: OpenedPersonalData = { erased: true };
    const admin = viewFor({ kind: 'admin' }, { complaint: complaintWith(false, false), reporter: erased });
    expect(admin?.shape === 'case' && [admin.reporterName, admin.reporterContact]).toEqual([null, null]);
    const publicView = viewFor({ kind: 'public' }, { complaint: complaintWith(true, false), reporter: erased });
    expect(publicView?.shape === 'case' && publicView.reporterName).toBe('Anonim');
  });

  it('shows the count of supporters, never who they are', () => {
    const state = rebuild([...histories.inProgress(), events.supported('acct-a'), events.supported('acct-b')]);
    if (!state.exists) throw new Error('fixture');
    const view = viewFor({ kind: 'public' }, { complaint: state, reporter: opened });
    expect(view?.shape === 'case' && view.supportCount).toBe(2);
    expect(JSON.stringify(view)).not.toContain('acct-a');
  });
});
