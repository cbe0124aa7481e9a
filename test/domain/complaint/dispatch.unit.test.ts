import { complaintEvent } from '../../../domain/complaint';
import { COMPLAINT_ID, MASTER_ID, T0, T0_PLUS_10, T0_PLUS_5, actors, contextFor, events, histories } from './fixtures';
import { given } from './givenWhenThen';

const asAdmin = contextFor(actors.admin);

describe('DisposeComplaint', () => {
  it('verifies a new report and routes it to one agency, which gets 5 working days to respond', () => {
    given(histories.submitted())
      .when({ type: 'DisposeComplaint', agencyId: 'pemkot-bandung', note: 'Jalan kota' }, asAdmin)
      .then([
        complaintEvent('ComplaintVerified', { at: T0 }),
        complaintEvent('ComplaintDisposed', { agencyId: 'pemkot-bandung', note: 'Jalan kota', at: T0, respondBy: T0_PLUS_5 }),
      ]);
  });

  it('re-routes a declined complaint without verifying it again', () => {
    given(histories.returnedToAdmin())
      .when({ type: 'DisposeComplaint', agencyId: 'pemprov-jabar' }, asAdmin)
      .then([complaintEvent('ComplaintDisposed', { agencyId: 'pemprov-jabar', at: T0, respondBy: T0_PLUS_5 })]);
  });

  it('routes from hold and from an open information request', () => {
    for (const waiting of [events.onHold(), events.informationRequested()]) {
      const decision = given([events.submitted(), waiting]).when({ type: 'DisposeComplaint', agencyId: 'kemenkes' }, asAdmin).decision;
      expect(decision.ok).toBe(true);
    }
  });

  it('refuses an unregistered agency', () => {
    given(histories.submitted()).when({ type: 'DisposeComplaint', agencyId: 'kemen-fiktif' }, asAdmin).thenRejects('unknown_agency', 'invalid');
  });

  it('refuses a complaint an agency already owns', () => {
    given(histories.disposed()).when({ type: 'DisposeComplaint', agencyId: 'kemenkes' }, asAdmin).thenRejects('not_in_admin_queue', 'conflict');
  });

  it('refuses a closed complaint', () => {
    given(histories.rejected()).when({ type: 'DisposeComplaint', agencyId: 'kemenkes' }, asAdmin).thenRejects('complaint_closed', 'conflict');
  });

  it('refuses a stream with no complaint', () => {
    given([]).when({ type: 'DisposeComplaint', agencyId: 'kemenkes' }, asAdmin).thenRejects('complaint_not_found', 'conflict');
  });
});

describe('RejectComplaint', () => {
  it.each([
    [{ reason: 'spam' as const }],
    [{ reason: 'incomplete' as const }],
    [{ reason: 'out_of_scope' as const, matter: 'law' as const }],
    [{ reason: 'out_of_scope' as const, matter: 'legislative' as const }],
    [{ reason: 'out_of_scope' as const, matter: 'corruption' as const }],
    [{ reason: 'out_of_scope' as const, matter: 'criminal' as const }],
  ])('archives a report with reason %j', (rejection) => {
    given(histories.submitted()).when({ type: 'RejectComplaint', rejection }, asAdmin).then([complaintEvent('ComplaintRejected', { rejection, at: T0 })]);
  });

  it('keeps the admin note', () => {
    given(histories.submitted())
      .when({ type: 'RejectComplaint', rejection: { reason: 'incomplete' }, note: 'Tanpa lokasi' }, asAdmin)
      .then([complaintEvent('ComplaintRejected', { rejection: { reason: 'incomplete' }, note: 'Tanpa lokasi', at: T0 })]);
  });

  it('requires the matter of an out-of-scope rejection', () => {
    const command = { type: 'RejectComplaint', rejection: { reason: 'out_of_scope' } } as const;
    given(histories.submitted()).when(command as never, asAdmin).thenRejects('invalid_command', 'invalid');
  });

  it('refuses while an agency owns the complaint, and when closed', () => {
    given(histories.inProgress()).when({ type: 'RejectComplaint', rejection: { reason: 'spam' } }, asAdmin).thenRejects('not_in_admin_queue');
    given(histories.rejected()).when({ type: 'RejectComplaint', rejection: { reason: 'spam' } }, asAdmin).thenRejects('complaint_closed');
  });
});

describe('HoldComplaint (tunda)', () => {
  it('puts a report in the admin queue on hold', () => {
    given(histories.submitted())
      .when({ type: 'HoldComplaint', reason: 'Menunggu data' }, asAdmin)
      .then([complaintEvent('ComplaintPutOnHold', { reason: 'Menunggu data', at: T0 })]);
  });

  it('refuses twice, with an agency, and when closed', () => {
    given([events.submitted(), events.onHold()]).when({ type: 'HoldComplaint', reason: 'x' }, asAdmin).thenRejects('already_on_hold');
    given(histories.disposed()).when({ type: 'HoldComplaint', reason: 'x' }, asAdmin).thenRejects('not_in_admin_queue');
    given(histories.rejected()).when({ type: 'HoldComplaint', reason: 'x' }, asAdmin).thenRejects('complaint_closed');
  });
});

describe('RequestInformation', () => {
  it('asks the reporter, who has 10 working days to answer', () => {
    given(histories.submitted())
      .when({ type: 'RequestInformation', question: 'Alamat lengkap?' }, asAdmin)
      .then([complaintEvent('InformationRequested', { question: 'Alamat lengkap?', at: T0, replyBy: T0_PLUS_10 })]);
  });

  it('refuses while a question is open, with an agency, and when closed', () => {
    given([events.submitted(), events.informationRequested()]).when({ type: 'RequestInformation', question: 'x' }, asAdmin).thenRejects('already_awaiting_information');
    given(histories.disposed()).when({ type: 'RequestInformation', question: 'x' }, asAdmin).thenRejects('not_in_admin_queue');
    given(histories.rejected()).when({ type: 'RequestInformation', question: 'x' }, asAdmin).thenRejects('complaint_closed');
  });
});

describe('MergeDuplicate', () => {
  it('closes a duplicate into its master, even while an agency works on it', () => {
    given(histories.inProgress())
      .when({ type: 'MergeDuplicate', masterComplaintId: MASTER_ID }, asAdmin)
      .then([complaintEvent('ComplaintMerged', { masterComplaintId: MASTER_ID, at: T0 })]);
  });

  it('refuses merging into itself and merging a closed complaint', () => {
    given(histories.submitted()).when({ type: 'MergeDuplicate', masterComplaintId: COMPLAINT_ID }, asAdmin).thenRejects('merge_into_itself', 'invalid');
    given(histories.rejected()).when({ type: 'MergeDuplicate', masterComplaintId: MASTER_ID }, asAdmin).thenRejects('complaint_closed');
  });
});

describe('RedactPublicText', () => {
  it('records replacement public text, on open and closed complaints alike', () => {
    for (const history of [histories.inProgress(), histories.closedAfterReplyWindow()]) {
      given(history)
        .when({ type: 'RedactPublicText', title: 'Jalan berlubang', chronology: 'Lubang di depan pasar.' }, asAdmin)
        .then([complaintEvent('PublicTextRedacted', { title: 'Jalan berlubang', chronology: 'Lubang di depan pasar.', at: T0 })]);
    }
  });

  it('refuses NUL characters in the replacement text', () => {
    given(histories.submitted()).when({ type: 'RedactPublicText', title: 'a', chronology: 'b\u0000' }, asAdmin).thenRejects('invalid_command');
  });
});
