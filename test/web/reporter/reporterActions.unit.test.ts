import fc from 'fast-check';
import { decide, viewFor, type Audience, type ComplaintCommand } from '../../../domain/complaint';
import { actionBody, offeredActions, type ReporterAction } from '../../../web/reporter/reporterActions';
import { actors, contextFor } from '../../domain/complaint/fixtures';
import { sequenceArbitrary, simulate } from '../../domain/complaint/simulation';

const OWN: Audience = { kind: 'reporter', proof: { by: 'account', accountId: actors.reporter.id } };

/** The command each form stands for, with valid content: only the complaint's state can refuse it. */
const COMMANDS: Readonly<Record<ReporterAction, ComplaintCommand>> = {
  reply: { type: 'ReplyToFollowUp', text: 'Masih rusak.', attachments: [] },
  supplement: { type: 'SupplementInformation', text: 'Fotonya menyusul.', attachments: [] },
  rate: { type: 'RateOutcome', score: 4 },
  reopen: { type: 'ReopenComplaint', reason: 'Rusak lagi.' },
};

describe('offeredActions', () => {
  test('offers a form exactly when the domain would accept its command from the reporter, at any point of any lifecycle', () => {
    fc.assert(
      fc.property(sequenceArbitrary, (steps) => {
        for (const { after } of simulate(steps)) {
          if (!after.exists || after.reporterAccountId !== actors.reporter.id) continue;
          const view = viewFor(OWN, { complaint: after, reporter: undefined });
          if (view === undefined || view.shape !== 'case') continue;
          // Judged at the moment of the complaint's last change, and a week later (the reply window).
          for (const now of [view.updatedAt, new Date(Date.parse(view.updatedAt) + 7 * 86_400_000).toISOString()]) {
            const accepted = (Object.keys(COMMANDS) as ReporterAction[]).filter((action) => decide(after, COMMANDS[action], contextFor(actors.reporter, now)).ok);
            expect(offeredActions(view, new Date(now))).toEqual(accepted);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('actionBody', () => {
  test('sends a typed score as a number and leaves an empty comment out', () => {
    expect(actionBody('rate', { score: '4', comment: '  ' })).toEqual({ score: 4 });
    expect(actionBody('rate', { score: '5', comment: ' Cepat. ' })).toEqual({ score: 5, comment: 'Cepat.' });
  });

  test('sends a missing or non-numeric score as typed, for the API to name the field', () => {
    expect(actionBody('rate', {})).toEqual({});
    expect(actionBody('rate', { score: 'lima' })).toEqual({ score: 'lima' });
  });

  test('sends the text of a reply or supplement and the reason of a reopening, empty when left empty', () => {
    expect(actionBody('reply', { text: 'Belum beres.' })).toEqual({ text: 'Belum beres.' });
    expect(actionBody('supplement', {})).toEqual({ text: '' });
    expect(actionBody('reopen', { reason: 'Rusak lagi.' })).toEqual({ reason: 'Rusak lagi.' });
  });
});
