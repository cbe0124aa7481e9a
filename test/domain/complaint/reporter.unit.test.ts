import { complaintEvent } from '../../../domain/complaint';
import { AFTER_10, COMPLAINT_ID, T0, T0_PLUS_14, T0_PLUS_3, actors, contextFor, events, histories } from './fixtures';
import { given } from './givenWhenThen';

const asReporter = contextFor(actors.reporter);

describe('ReplyToFollowUp', () => {
  it('records the reporter reply while in progress and after resolution', () => {
    for (const history of [histories.inProgress(), histories.resolved()]) {
      given(history)
        .when({ type: 'ReplyToFollowUp', text: 'Belum selesai.', attachments: [] }, asReporter)
        .then([complaintEvent('ReporterReplied', { text: 'Belum selesai.', attachments: [], at: T0 })]);
    }
  });

  it('refuses before an agency has taken the case, when closed, and for someone else', () => {
    given(histories.disposed()).when({ type: 'ReplyToFollowUp', text: 'x', attachments: [] }, asReporter).thenRejects('not_in_progress', 'conflict');
    given(histories.closedAfterReplyWindow()).when({ type: 'ReplyToFollowUp', text: 'x', attachments: [] }, asReporter).thenRejects('complaint_closed', 'conflict');
    given(histories.inProgress()).when({ type: 'ReplyToFollowUp', text: 'x', attachments: [] }, contextFor(actors.otherReporter)).thenRejects('not_the_reporter', 'forbidden');
  });
});

describe('SupplementInformation', () => {
  it('adds information to an open case without touching its clock', () => {
    given(histories.inProgress())
      .when({ type: 'SupplementInformation', text: 'Foto baru.', attachments: [] }, asReporter)
      .then([complaintEvent('InformationSupplemented', { text: 'Foto baru.', attachments: [], at: T0 })]);
  });

  it('answering an information request restarts the 3-working-day verification', () => {
    given([events.submitted(), events.informationRequested()])
      .when({ type: 'SupplementInformation', text: 'Nomor 12.', attachments: [] }, asReporter)
      .then([complaintEvent('InformationSupplemented', { text: 'Nomor 12.', attachments: [], at: T0, verifyBy: T0_PLUS_3 })]);
  });

  it('refuses on a resolved or closed complaint', () => {
    given(histories.resolved()).when({ type: 'SupplementInformation', text: 'x', attachments: [] }, asReporter).thenRejects('not_open_for_supplement', 'conflict');
    given(histories.rejected()).when({ type: 'SupplementInformation', text: 'x', attachments: [] }, asReporter).thenRejects('complaint_closed', 'conflict');
  });
});

describe('RateOutcome', () => {
  it('rates a resolved complaint, and one the reply window has closed', () => {
    given(histories.resolved())
      .when({ type: 'RateOutcome', score: 5, comment: 'Cepat!' }, asReporter)
      .then([complaintEvent('OutcomeRated', { score: 5, comment: 'Cepat!', at: T0 })]);
    given(histories.closedAfterReplyWindow()).when({ type: 'RateOutcome', score: 2 }, asReporter).then([complaintEvent('OutcomeRated', { score: 2, at: T0 })]);
  });

  it('accepts only whole scores from 1 to 5', () => {
    for (const score of [0, 6, 3.5]) {
      given(histories.resolved()).when({ type: 'RateOutcome', score }, asReporter).thenRejects('invalid_command', 'invalid');
    }
  });

  it('refuses twice, before resolution, and on a rejected complaint', () => {
    given([...histories.resolved(), events.rated()]).when({ type: 'RateOutcome', score: 1 }, asReporter).thenRejects('already_rated', 'conflict');
    given(histories.inProgress()).when({ type: 'RateOutcome', score: 1 }, asReporter).thenRejects('not_resolved', 'conflict');
    given(histories.rejected()).when({ type: 'RateOutcome', score: 1 }, asReporter).thenRejects('not_resolved', 'conflict');
  });
});

describe('ReopenComplaint', () => {
  it('reopens within the reply window, which escalates and raises it to the parent agency', () => {
    given(histories.resolved())
      .when({ type: 'ReopenComplaint', reason: 'Lubang muncul lagi.' }, asReporter)
      .then([
        complaintEvent('ComplaintReopened', { reason: 'Lubang muncul lagi.', at: T0, resolveBy: T0_PLUS_14 }),
        complaintEvent('ComplaintEscalated', { cause: 'reopened', key: `${COMPLAINT_ID}/reopened/1`, raisedToAgencyId: 'pemprov-jabar', at: T0 }),
      ]);
  });

  it('refuses after the reply window, whether or not the complaint has closed itself yet', () => {
    given(histories.resolved()).when({ type: 'ReopenComplaint', reason: 'x' }, contextFor(actors.reporter, AFTER_10)).thenRejects('reply_window_elapsed', 'conflict');
    given(histories.closedAfterReplyWindow()).when({ type: 'ReopenComplaint', reason: 'x' }, asReporter).thenRejects('reply_window_elapsed', 'conflict');
  });

  it('refuses before resolution and on a rejected complaint', () => {
    given(histories.inProgress()).when({ type: 'ReopenComplaint', reason: 'x' }, asReporter).thenRejects('not_resolved', 'conflict');
    given(histories.rejected()).when({ type: 'ReopenComplaint', reason: 'x' }, asReporter).thenRejects('complaint_closed', 'conflict');
  });
});
