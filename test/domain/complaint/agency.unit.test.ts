import { complaintEvent, type CommandOf } from '../../../domain/complaint';
import { COMPLAINT_ID, T0, T0_PLUS_10, T0_PLUS_14, T0_PLUS_3, T0_PLUS_5, actors, contextFor, events, histories } from './fixtures';
import { given } from './givenWhenThen';

const asBandung = contextFor(actors.bandung);

describe('AcceptAssignment', () => {
  it('takes the complaint on; its class sets the resolution deadline (medium: 14 working days)', () => {
    given(histories.disposed())
      .when({ type: 'AcceptAssignment', resolutionClass: 'medium' }, asBandung)
      .then([complaintEvent('AssignmentAccepted', { agencyId: 'pemkot-bandung', resolutionClass: 'medium', at: T0, resolveBy: T0_PLUS_14 })]);
  });

  it('may be done by the parent agency for the owner', () => {
    given(histories.disposed())
      .when({ type: 'AcceptAssignment', resolutionClass: 'short' }, contextFor(actors.jabar))
      .then([complaintEvent('AssignmentAccepted', { agencyId: 'pemkot-bandung', resolutionClass: 'short', at: T0, resolveBy: T0_PLUS_5 })]);
  });

  it('refuses a complaint already accepted, and a closed one', () => {
    given(histories.inProgress()).when({ type: 'AcceptAssignment', resolutionClass: 'short' }, asBandung).thenRejects('not_awaiting_acceptance', 'conflict');
    given(histories.closedAfterReplyWindow()).when({ type: 'AcceptAssignment', resolutionClass: 'short' }, asBandung).thenRejects('complaint_closed', 'conflict');
  });

  it('refuses an agency that does not own it, and any agency while it is in the admin queue', () => {
    given(histories.disposed()).when({ type: 'AcceptAssignment', resolutionClass: 'short' }, contextFor(actors.bogor)).thenRejects('not_the_owning_agency', 'forbidden');
    given(histories.submitted()).when({ type: 'AcceptAssignment', resolutionClass: 'short' }, asBandung).thenRejects('not_the_owning_agency', 'forbidden');
  });
});

describe('DeclineAssignment (bukan wewenang)', () => {
  it('returns the complaint to the admin queue, which gets 3 working days to re-route it', () => {
    given(histories.disposed())
      .when({ type: 'DeclineAssignment', reason: 'Jalan provinsi', suggestedAgencyId: 'pemprov-jabar' }, asBandung)
      .then([
        complaintEvent('AssignmentDeclined', {
          agencyId: 'pemkot-bandung',
          reason: 'Jalan provinsi',
          suggestedAgencyId: 'pemprov-jabar',
          returnedTo: { kind: 'admin_queue' },
          at: T0,
          nextDueAt: T0_PLUS_3,
        }),
      ]);
  });

  it('hands it straight to the named agency when policy allows', () => {
    given(histories.inProgress())
      .when({ type: 'DeclineAssignment', reason: 'Jalan provinsi', suggestedAgencyId: 'pemprov-jabar' }, contextFor(actors.bandung, T0, { allowDeclineToNamedAgency: true }))
      .then([
        complaintEvent('AssignmentDeclined', {
          agencyId: 'pemkot-bandung',
          reason: 'Jalan provinsi',
          suggestedAgencyId: 'pemprov-jabar',
          returnedTo: { kind: 'agency', agencyId: 'pemprov-jabar' },
          at: T0,
          nextDueAt: T0_PLUS_5,
        }),
      ]);
  });

  it('still returns it to the admin queue under that policy when no agency is named', () => {
    given(histories.disposed())
      .when({ type: 'DeclineAssignment', reason: 'Bukan kami' }, contextFor(actors.bandung, T0, { allowDeclineToNamedAgency: true }))
      .then([complaintEvent('AssignmentDeclined', { agencyId: 'pemkot-bandung', reason: 'Bukan kami', returnedTo: { kind: 'admin_queue' }, at: T0, nextDueAt: T0_PLUS_3 })]);
  });

  it('escalates on the second decline: flagged for the Ombudsman (no parent of the admin queue to raise it to)', () => {
    given([...histories.returnedToAdmin(), events.disposed('pemkot-bogor')])
      .when({ type: 'DeclineAssignment', reason: 'Bukan kami juga' }, contextFor(actors.bogor))
      .then([
        complaintEvent('AssignmentDeclined', { agencyId: 'pemkot-bogor', reason: 'Bukan kami juga', returnedTo: { kind: 'admin_queue' }, at: T0, nextDueAt: T0_PLUS_3 }),
        complaintEvent('ComplaintEscalated', { cause: 'declined_repeatedly', key: `${COMPLAINT_ID}/declined/2`, at: T0 }),
      ]);
  });

  it('raises a repeated decline to the parent of the agency it was forwarded to', () => {
    given([...histories.returnedToAdmin(), events.disposed('kemenkes')])
      .when({ type: 'DeclineAssignment', reason: 'Urusan kota', suggestedAgencyId: 'pemkot-bogor' }, contextFor(actors.kemenkes, T0, { allowDeclineToNamedAgency: true }))
      .then([
        complaintEvent('AssignmentDeclined', {
          agencyId: 'kemenkes',
          reason: 'Urusan kota',
          suggestedAgencyId: 'pemkot-bogor',
          returnedTo: { kind: 'agency', agencyId: 'pemkot-bogor' },
          at: T0,
          nextDueAt: T0_PLUS_5,
        }),
        complaintEvent('ComplaintEscalated', { cause: 'declined_repeatedly', key: `${COMPLAINT_ID}/declined/2`, raisedToAgencyId: 'pemprov-jabar', at: T0 }),
      ]);
  });

  it('requires a reason', () => {
    given(histories.disposed()).when({ type: 'DeclineAssignment', reason: '' }, asBandung).thenRejects('invalid_command', 'invalid');
  });

  it('refuses naming an unknown agency or itself', () => {
    given(histories.disposed()).when({ type: 'DeclineAssignment', reason: 'x', suggestedAgencyId: 'kemen-fiktif' }, asBandung).thenRejects('unknown_agency', 'invalid');
    given(histories.disposed()).when({ type: 'DeclineAssignment', reason: 'x', suggestedAgencyId: 'pemkot-bandung' }, asBandung).thenRejects('suggested_own_agency', 'invalid');
  });

  it('refuses after resolution, on a closed complaint, and for another agency', () => {
    given(histories.resolved()).when({ type: 'DeclineAssignment', reason: 'x' }, asBandung).thenRejects('already_resolved', 'conflict');
    given(histories.closedAfterReplyWindow()).when({ type: 'DeclineAssignment', reason: 'x' }, asBandung).thenRejects('complaint_closed', 'conflict');
    given(histories.disposed()).when({ type: 'DeclineAssignment', reason: 'x' }, contextFor(actors.kemenkes)).thenRejects('not_the_owning_agency', 'forbidden');
  });
});

describe('DelegateToUnit', () => {
  it('hands the work to one of its own units; the agency stays the owner', () => {
    given(histories.inProgress())
      .when({ type: 'DelegateToUnit', unitId: 'pemkot-bandung-dishub' }, asBandung)
      .then([complaintEvent('ComplaintDelegated', { agencyId: 'pemkot-bandung', unitId: 'pemkot-bandung-dishub', at: T0 })]);
  });

  it('refuses a unit of another agency, an unknown unit, and the same unit twice', () => {
    given(histories.inProgress()).when({ type: 'DelegateToUnit', unitId: 'pemkot-bogor' }, asBandung).thenRejects('not_a_unit_of_agency', 'invalid');
    given(histories.inProgress()).when({ type: 'DelegateToUnit', unitId: 'dinas-fiktif' }, asBandung).thenRejects('not_a_unit_of_agency', 'invalid');
    given([...histories.inProgress(), events.delegated()]).when({ type: 'DelegateToUnit', unitId: 'pemkot-bandung-dishub' }, asBandung).thenRejects('already_delegated_to_unit', 'conflict');
  });

  it('refuses before acceptance and when closed', () => {
    given(histories.disposed()).when({ type: 'DelegateToUnit', unitId: 'pemkot-bandung-dishub' }, asBandung).thenRejects('not_in_progress', 'conflict');
    given(histories.closedAfterReplyWindow()).when({ type: 'DelegateToUnit', unitId: 'pemkot-bandung-dishub' }, asBandung).thenRejects('complaint_closed');
  });
});

describe('PostFollowUp', () => {
  it('posts a public follow-up, and an internal note from the delegated unit under its own name', () => {
    given(histories.inProgress())
      .when({ type: 'PostFollowUp', followUpId: 'fu-9', visibility: 'public', text: 'Survei lokasi Senin.', attachments: [] }, asBandung)
      .then([complaintEvent('FollowUpPosted', { followUpId: 'fu-9', byAgencyId: 'pemkot-bandung', visibility: 'public', text: 'Survei lokasi Senin.', attachments: [], at: T0 })]);
    given([...histories.inProgress(), events.delegated()])
      .when({ type: 'PostFollowUp', followUpId: 'fu-10', visibility: 'internal', text: 'Anggaran habis.', attachments: [] }, contextFor(actors.dishub))
      .then([complaintEvent('FollowUpPosted', { followUpId: 'fu-10', byAgencyId: 'pemkot-bandung-dishub', visibility: 'internal', text: 'Anggaran habis.', attachments: [], at: T0 })]);
  });

  it('may follow up after resolving, while the reply window runs', () => {
    const decision = given(histories.resolved()).when({ type: 'PostFollowUp', followUpId: 'fu-2', visibility: 'public', text: 'Tambahan.', attachments: [] }, asBandung).decision;
    expect(decision.ok).toBe(true);
  });

  it('refuses before acceptance, when closed, and for a unit it was not delegated to', () => {
    const command: CommandOf<'PostFollowUp'> = { type: 'PostFollowUp', followUpId: 'fu-3', visibility: 'public', text: 'x', attachments: [] };
    given(histories.disposed()).when(command, asBandung).thenRejects('not_accepted', 'conflict');
    given(histories.closedAfterReplyWindow()).when(command, asBandung).thenRejects('complaint_closed', 'conflict');
    given(histories.inProgress()).when(command, contextFor(actors.dishub)).thenRejects('not_the_owning_agency', 'forbidden');
  });
});

describe('ResolveComplaint', () => {
  it('resolves; the reporter then has 10 working days to reply or reopen', () => {
    given(histories.inProgress())
      .when({ type: 'ResolveComplaint', summary: 'Sudah ditambal.' }, asBandung)
      .then([complaintEvent('ComplaintResolved', { agencyId: 'pemkot-bandung', summary: 'Sudah ditambal.', at: T0, replyBy: T0_PLUS_10 })]);
  });

  it('refuses before acceptance, twice, and when closed', () => {
    given(histories.disposed()).when({ type: 'ResolveComplaint', summary: 'x' }, asBandung).thenRejects('not_in_progress');
    given(histories.resolved()).when({ type: 'ResolveComplaint', summary: 'x' }, asBandung).thenRejects('not_in_progress');
    given(histories.closedAfterReplyWindow()).when({ type: 'ResolveComplaint', summary: 'x' }, asBandung).thenRejects('complaint_closed');
  });
});
