import { complaintEvent, dueDates, isPastDue, overdue, rebuild, scheduledActions } from '../../../domain/complaint';
import {
  AFTER_10,
  AFTER_14,
  AFTER_3,
  AFTER_5,
  COMPLAINT_ID,
  T0,
  T0_PLUS_10,
  T0_PLUS_14,
  T0_PLUS_3,
  T0_PLUS_5,
  actors,
  contextFor,
  events,
  histories,
} from './fixtures';
import { given } from './givenWhenThen';

const escalateKey = (stage: string, dueAt: string) => `${COMPLAINT_ID}/escalate/${stage}/${dueAt}`;
const closeKey = (stage: string, dueAt: string) => `${COMPLAINT_ID}/auto-close/${stage}/${dueAt}`;

describe('dueDates and overdue', () => {
  it('reads the one deadline running in each status', () => {
    expect(dueDates(rebuild(histories.submitted()))).toEqual([{ stage: 'verification', dueAt: T0_PLUS_3 }]);
    expect(dueDates(rebuild(histories.disposed()))).toEqual([{ stage: 'agency_response', dueAt: T0_PLUS_5 }]);
    expect(dueDates(rebuild(histories.inProgress()))).toEqual([{ stage: 'resolution', dueAt: T0_PLUS_14 }]);
    expect(dueDates(rebuild(histories.resolved()))).toEqual([{ stage: 'reporter_reply', dueAt: T0_PLUS_10 }]);
    expect(dueDates(rebuild([events.submitted(), events.informationRequested()]))).toEqual([{ stage: 'information', dueAt: T0_PLUS_10 }]);
    expect(dueDates(rebuild(histories.returnedToAdmin()))).toEqual([{ stage: 'verification', dueAt: T0_PLUS_3 }]);
  });

  it('has no deadline on hold, when closed, or before submission', () => {
    expect(dueDates(rebuild([events.submitted(), events.onHold()]))).toEqual([]);
    expect(dueDates(rebuild(histories.rejected()))).toEqual([]);
    expect(dueDates(rebuild([]))).toEqual([]);
  });

  it('is overdue only after the end of the last working day, compared as instants', () => {
    const state = rebuild(histories.submitted());
    expect(overdue(state, '2025-03-06T23:59:59.999+07:00')).toBeUndefined();
    // Same instant written in UTC: still not late.
    expect(overdue(state, '2025-03-06T16:59:59.999Z')).toBeUndefined();
    expect(overdue(state, '2025-03-06T17:00:00Z')).toEqual({ stage: 'verification', dueAt: T0_PLUS_3 });
  });
});

describe('scheduledActions', () => {
  it('proposes escalation when verification, agency response or resolution is overdue', () => {
    expect(scheduledActions(rebuild(histories.submitted()), AFTER_3)).toEqual([
      { type: 'EscalateComplaint', key: escalateKey('verification', T0_PLUS_3), deadline: { stage: 'verification', dueAt: T0_PLUS_3 } },
    ]);
    expect(scheduledActions(rebuild(histories.disposed()), AFTER_5).map((a) => a.key)).toEqual([escalateKey('agency_response', T0_PLUS_5)]);
    expect(scheduledActions(rebuild(histories.inProgress()), AFTER_14).map((a) => a.key)).toEqual([escalateKey('resolution', T0_PLUS_14)]);
  });

  it('proposes closing when the reply window or an information request expires', () => {
    expect(scheduledActions(rebuild(histories.resolved()), AFTER_10)).toEqual([
      { type: 'AutoCloseComplaint', key: closeKey('reporter_reply', T0_PLUS_10), deadline: { stage: 'reporter_reply', dueAt: T0_PLUS_10 } },
    ]);
    expect(scheduledActions(rebuild([events.submitted(), events.informationRequested()]), AFTER_10).map((a) => a.type)).toEqual(['AutoCloseComplaint']);
  });

  it('proposes nothing before the deadline or once the escalation is recorded', () => {
    expect(scheduledActions(rebuild(histories.submitted()), T0)).toEqual([]);
    const escalated = complaintEvent('ComplaintEscalated', { cause: 'overdue', stage: 'verification', key: escalateKey('verification', T0_PLUS_3), at: AFTER_3 });
    expect(scheduledActions(rebuild([...histories.submitted(), escalated]), AFTER_5)).toEqual([]);
  });
});

describe('EscalateComplaint', () => {
  const asScheduler = (now: string) => contextFor(actors.system, now);

  it('flags an overdue verification for the Ombudsman', () => {
    const key = escalateKey('verification', T0_PLUS_3);
    given(histories.submitted())
      .when({ type: 'EscalateComplaint', key }, asScheduler(AFTER_3))
      .then([complaintEvent('ComplaintEscalated', { cause: 'overdue', stage: 'verification', key, at: AFTER_3 })]);
  });

  it('raises a silent agency to its parent', () => {
    const key = escalateKey('agency_response', T0_PLUS_5);
    given(histories.disposed())
      .when({ type: 'EscalateComplaint', key }, asScheduler(AFTER_5))
      .then([complaintEvent('ComplaintEscalated', { cause: 'overdue', stage: 'agency_response', key, raisedToAgencyId: 'pemprov-jabar', at: AFTER_5 })]);
  });

  it('flags an agency without a parent for the Ombudsman only', () => {
    const key = escalateKey('resolution', T0_PLUS_14);
    given([events.submitted(), events.verified(), events.disposed('kemenkes'), events.accepted('kemenkes')])
      .when({ type: 'EscalateComplaint', key }, asScheduler(AFTER_14))
      .then([complaintEvent('ComplaintEscalated', { cause: 'overdue', stage: 'resolution', key, at: AFTER_14 })]);
  });

  it('is idempotent: re-issuing a recorded escalation records nothing', () => {
    const key = escalateKey('verification', T0_PLUS_3);
    const recorded = complaintEvent('ComplaintEscalated', { cause: 'overdue', stage: 'verification', key, at: AFTER_3 });
    given([...histories.submitted(), recorded]).when({ type: 'EscalateComplaint', key }, asScheduler(AFTER_5)).then([]);
  });

  it('refuses an escalation that is not due, or whose key does not match', () => {
    given(histories.submitted()).when({ type: 'EscalateComplaint', key: escalateKey('verification', T0_PLUS_3) }, asScheduler(T0)).thenRejects('not_due', 'conflict');
    given(histories.submitted()).when({ type: 'EscalateComplaint', key: 'made-up' }, asScheduler(AFTER_3)).thenRejects('not_due', 'conflict');
  });

  it('refuses a closed complaint', () => {
    given(histories.rejected()).when({ type: 'EscalateComplaint', key: escalateKey('verification', T0_PLUS_3) }, asScheduler(AFTER_3)).thenRejects('complaint_closed', 'conflict');
  });
});

describe('AutoCloseComplaint', () => {
  const asScheduler = (now: string) => contextFor(actors.system, now);

  it('closes a resolved complaint when the reply window has passed', () => {
    const key = closeKey('reporter_reply', T0_PLUS_10);
    given(histories.resolved())
      .when({ type: 'AutoCloseComplaint', key }, asScheduler(AFTER_10))
      .then([complaintEvent('ComplaintClosed', { cause: 'reply_window_elapsed', key, at: AFTER_10 })]);
  });

  it('closes a report whose reporter never answered the information request', () => {
    const key = closeKey('information', T0_PLUS_10);
    given([events.submitted(), events.informationRequested()])
      .when({ type: 'AutoCloseComplaint', key }, asScheduler(AFTER_10))
      .then([complaintEvent('ComplaintClosed', { cause: 'information_not_supplied', key, at: AFTER_10 })]);
  });

  it('is idempotent: re-issuing the closing that happened records nothing', () => {
    given(histories.closedAfterReplyWindow()).when({ type: 'AutoCloseComplaint', key: closeKey('reporter_reply', T0_PLUS_10) }, asScheduler(AFTER_14)).then([]);
  });

  it('refuses a closing that is not due, and on a complaint closed otherwise', () => {
    given(histories.resolved()).when({ type: 'AutoCloseComplaint', key: closeKey('reporter_reply', T0_PLUS_10) }, asScheduler(T0)).thenRejects('not_due', 'conflict');
    given(histories.rejected()).when({ type: 'AutoCloseComplaint', key: closeKey('reporter_reply', T0_PLUS_10) }, asScheduler(AFTER_10)).thenRejects('complaint_closed', 'conflict');
  });
});

test('a deadline is past due only after its due instant, whatever the offsets', () => {
  const deadline = { stage: 'verification', dueAt: '2025-03-06T23:59:59.999+07:00' } as const;
  expect(isPastDue(deadline, '2025-03-06T16:59:59.999Z')).toBe(false);
  expect(isPastDue(deadline, '2025-03-06T17:00:00.000Z')).toBe(true);
  expect(isPastDue(deadline, '2025-03-06T12:00:00+07:00')).toBe(false);
});
