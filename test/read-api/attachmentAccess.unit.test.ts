import type { Actor } from '../../eventstore/metadata';
import type { AttachmentReaders } from '../../projections/attachments/attachmentReadersProjection';
import { mayReadAttachment } from '../../read-api/attachments/attachmentAccess';

const agencies = {
  exists: (id: string) => ['pemkot-31.71', 'pemprov-31', 'kemenkes'].includes(id),
  parentOf: (id: string) => (id === 'pemkot-31.71' ? 'pemprov-31' : undefined),
};
const nobody: AttachmentReaders = { public: false, reporterAccountId: null, agencyIds: [], admin: false, ombudsman: false };
const actors: Record<string, Actor> = {
  public: { id: 'anonymous', role: 'public' },
  reporter: { id: 'acct-1', role: 'reporter' },
  otherReporter: { id: 'acct-2', role: 'reporter' },
  officer: { id: 'o-1', role: 'agency_officer', agencyId: 'pemkot-31.71' },
  parentOfficer: { id: 'o-2', role: 'agency_officer', agencyId: 'pemprov-31' },
  otherOfficer: { id: 'o-3', role: 'agency_officer', agencyId: 'kemenkes' },
  admin: { id: 'a-1', role: 'admin' },
  ombudsman: { id: 'ombudsman-1', role: 'ombudsman' },
  gateway: { id: 'sms', role: 'channel_gateway' },
};
const readersOf = (names: string[], readers: readonly AttachmentReaders[]) => names.filter((name) => mayReadAttachment(actors[name]!, readers, agencies));

describe('mayReadAttachment: the one rule for serving a file', () => {
  test('shown publicly by one complaint: anyone', () => {
    expect(readersOf(Object.keys(actors), [nobody, { ...nobody, public: true }])).toEqual(Object.keys(actors));
  });

  test('confidential: its reporter account, the agency and its parent, admin and Ombudsman; nobody else', () => {
    const confidential: AttachmentReaders = { public: false, reporterAccountId: 'acct-1', agencyIds: ['pemkot-31.71'], admin: true, ombudsman: true };
    expect(readersOf(Object.keys(actors), [confidential])).toEqual(['reporter', 'officer', 'parentOfficer', 'admin', 'ombudsman']);
  });

  test('a reporter id never matches an officer or the public of the same id; no reference at all: nobody', () => {
    const reporterOnly: AttachmentReaders = { ...nobody, reporterAccountId: 'anonymous' };
    expect(readersOf(Object.keys(actors), [reporterOnly])).toEqual([]);
    expect(readersOf(Object.keys(actors), [])).toEqual([]);
  });

  test('an agency that no longer exists in the registry reads nothing through it', () => {
    expect(mayReadAttachment({ id: 'o-9', role: 'agency_officer', agencyId: 'dibubarkan' }, [{ ...nobody, agencyIds: ['dibubarkan'] }], agencies)).toBe(false);
  });
});
