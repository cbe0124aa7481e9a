import { complaintEvent } from '../../../domain/complaint';
import { T0, actors, contextFor, events, histories } from './fixtures';
import { given } from './givenWhenThen';

describe('MakeConfidential', () => {
  it('makes a report confidential later, even after it closed; by the reporter or the admin', () => {
    given(histories.inProgress()).when({ type: 'MakeConfidential' }, contextFor(actors.reporter)).then([complaintEvent('ComplaintMadeConfidential', { at: T0 })]);
    given(histories.closedAfterReplyWindow()).when({ type: 'MakeConfidential' }, contextFor(actors.admin)).then([complaintEvent('ComplaintMadeConfidential', { at: T0 })]);
  });

  it('refuses when already confidential, and for another reporter', () => {
    given([events.submitted({ confidential: true })]).when({ type: 'MakeConfidential' }, contextFor(actors.reporter)).thenRejects('already_confidential', 'conflict');
    given(histories.submitted()).when({ type: 'MakeConfidential' }, contextFor(actors.otherReporter)).thenRejects('not_the_reporter', 'forbidden');
  });
});

describe('EraseReporterData', () => {
  it("records the erasure of the reporter's personal data", () => {
    given(histories.resolved()).when({ type: 'EraseReporterData' }, contextFor(actors.reporter)).then([complaintEvent('ReporterDataErased', { at: T0 })]);
    given(histories.rejected()).when({ type: 'EraseReporterData' }, contextFor(actors.admin)).then([complaintEvent('ReporterDataErased', { at: T0 })]);
  });

  it('refuses twice, and when the report carries no personal data', () => {
    given([...histories.submitted(), events.erased()]).when({ type: 'EraseReporterData' }, contextFor(actors.admin)).thenRejects('already_erased', 'conflict');
    given([events.submitted({ reporter: undefined })]).when({ type: 'EraseReporterData' }, contextFor(actors.admin)).thenRejects('no_personal_data', 'conflict');
  });
});

describe('RecordOversightFinding', () => {
  it('records an Ombudsman finding on an open or closed complaint', () => {
    for (const history of [histories.disposed(), histories.rejected()]) {
      given(history)
        .when({ type: 'RecordOversightFinding', findingId: 'f-7', finding: 'Tidak ada tindak lanjut.', maladministration: true }, contextFor(actors.ombudsman))
        .then([complaintEvent('OversightFindingRecorded', { findingId: 'f-7', finding: 'Tidak ada tindak lanjut.', maladministration: true, at: T0 })]);
    }
  });

  it('refuses a blank finding and a missing complaint', () => {
    given(histories.disposed()).when({ type: 'RecordOversightFinding', findingId: 'f-7', finding: ' ', maladministration: false }, contextFor(actors.ombudsman)).thenRejects('invalid_command');
    given([]).when({ type: 'RecordOversightFinding', findingId: 'f-7', finding: 'x', maladministration: false }, contextFor(actors.ombudsman)).thenRejects('complaint_not_found');
  });
});

describe('SupportComplaint (saya juga mengalami)', () => {
  it('counts a citizen account in support', () => {
    given(histories.inProgress()).when({ type: 'SupportComplaint' }, contextFor(actors.otherReporter)).then([complaintEvent('ComplaintSupported', { accountId: 'acct-other', at: T0 })]);
  });

  it('counts each account once', () => {
    given([...histories.inProgress(), events.supported()]).when({ type: 'SupportComplaint' }, contextFor(actors.otherReporter)).thenRejects('already_supported', 'conflict');
  });

  it('refuses confidential, closed and own complaints', () => {
    given([events.submitted({ confidential: true })]).when({ type: 'SupportComplaint' }, contextFor(actors.otherReporter)).thenRejects('confidential_complaint', 'conflict');
    given(histories.rejected()).when({ type: 'SupportComplaint' }, contextFor(actors.otherReporter)).thenRejects('complaint_closed', 'conflict');
    given(histories.inProgress()).when({ type: 'SupportComplaint' }, contextFor(actors.reporter)).thenRejects('own_complaint', 'conflict');
  });
});
