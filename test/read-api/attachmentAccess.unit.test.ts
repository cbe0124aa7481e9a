import type { AttachmentReaders } from '../../projections/attachments/attachmentReadersProjection';
import { mayReadAttachment } from '../../read-api/attachments/attachmentAccess';
import { actors, agencies } from '../domain/complaint/fixtures';

type Name = keyof typeof actors;
const everyone = Object.keys(actors) as Name[];
const nobody: AttachmentReaders = { public: false, reporterAccountId: null, agencyIds: [], admin: false, ombudsman: false };
const readersOf = (readers: readonly AttachmentReaders[]): Name[] => everyone.filter((name) => mayReadAttachment(actors[name], readers, agencies));

describe('mayReadAttachment: the one rule for serving a file', () => {
  test('shown publicly by one complaint: anyone', () => {
    expect(readersOf([nobody, { ...nobody, public: true }])).toEqual(everyone);
  });

  test("confidential: its reporter's account, the agency and its parent, admin and Ombudsman; nobody else", () => {
    const confidential: AttachmentReaders = { public: false, reporterAccountId: actors.reporter.id, agencyIds: ['pemkot-bandung'], admin: true, ombudsman: true };
    expect(readersOf([confidential])).toEqual(['reporter', 'admin', 'bandung', 'jabar', 'ombudsman']);
  });

  test('an internal note of a unit: the unit and the city above it, not the province two levels up; admin and Ombudsman', () => {
    const note: AttachmentReaders = { ...nobody, agencyIds: ['pemkot-bandung-dishub'], admin: true, ombudsman: true };
    expect(readersOf([note])).toEqual(['admin', 'bandung', 'dishub', 'ombudsman']);
  });

  test('a reporter id matches only a reporter login; no reference at all: nobody; an agency gone from the registry: nobody through it', () => {
    expect(readersOf([{ ...nobody, reporterAccountId: actors.citizen.id }])).toEqual([]);
    expect(readersOf([])).toEqual([]);
    expect(readersOf([{ ...nobody, agencyIds: ['dibubarkan'] }])).toEqual([]);
  });
});
