import { randomBytes } from 'node:crypto';
import { accessCodeHashes } from '../../commands/accessCodeHash';
import { parseAccessCode } from '../../domain/accessCode';
import type { AttachmentReaders } from '../../projections/attachments/attachmentReadersProjection';
import { mayReadAttachment, receiptOpensAttachment } from '../../read-api/attachments/attachmentAccess';
import { actors, agencies } from '../domain/complaint/fixtures';

type Name = keyof typeof actors;
const everyone = Object.keys(actors) as Name[];
const nobody: AttachmentReaders = { public: false, reporterAccountId: null, accessCodeHash: null, agencyIds: [], admin: false, ombudsman: false };
const readersOf = (readers: readonly AttachmentReaders[]): Name[] => everyone.filter((name) => mayReadAttachment(actors[name], readers, agencies));

describe('mayReadAttachment: the one rule for serving a file', () => {
  test('shown publicly by one complaint: anyone', () => {
    expect(readersOf([nobody, { ...nobody, public: true }])).toEqual(everyone);
  });

  test("confidential: its reporter's account, the agency and its parent, admin and Ombudsman; nobody else", () => {
    const confidential: AttachmentReaders = { ...nobody, reporterAccountId: actors.reporter.id, agencyIds: ['pemkot-bandung'], admin: true, ombudsman: true };
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

describe('receiptOpensAttachment: the receipt holder reads what the reporter sees', () => {
  const codes = accessCodeHashes(randomBytes(32));
  const codeOf = (typed: string) => {
    const parsed = parseAccessCode(typed);
    if (!parsed.ok) throw new Error(`not an access code: ${typed}`);
    return parsed.accessCode;
  };
  const mine = 'ABCDE-FGHJK';
  const theirs = 'MNPQR-STVWX';
  const referencedBy = (code: string): AttachmentReaders => ({ ...nobody, accessCodeHash: codes.hash(codeOf(code)) });

  test("the code of a complaint that shows the file opens it (as typed: any case, hyphens); another complaint's code or a wrong one does not", async () => {
    expect(await receiptOpensAttachment(codes, mine, [referencedBy(theirs), referencedBy(mine)])).toBe(true);
    expect(await receiptOpensAttachment(codes, mine.toLowerCase().replace('-', ''), [referencedBy(mine)])).toBe(true);
    expect(await receiptOpensAttachment(codes, theirs, [referencedBy(mine)])).toBe(false);
    expect(await receiptOpensAttachment(codes, 'not a code', [referencedBy(mine)])).toBe(false);
  });

  test('no complaint whose reporter sees the file (no hash): no code opens it', async () => {
    expect(await receiptOpensAttachment(codes, mine, [])).toBe(false);
    expect(await receiptOpensAttachment(codes, mine, [{ ...nobody, public: true, admin: true }])).toBe(false);
  });
});
