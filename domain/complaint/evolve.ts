import type { ComplaintEvent, EventData } from './events';
import type { Complaint, ComplaintState } from './state';

const including = (list: readonly string[], item: string | undefined): readonly string[] =>
  item === undefined || list.includes(item) ? list : [...list, item];

function submitted(data: EventData<'ComplaintSubmitted'>): Complaint {
  const { at, verifyBy, ...report } = data;
  return {
    exists: true,
    ...report,
    reporterDataErased: false,
    status: 'submitted',
    owner: { kind: 'admin_queue' },
    deadline: { stage: 'verification', dueAt: verifyBy },
    submittedAt: at,
    updatedAt: at,
    agenciesInvolved: [],
    declines: [],
    informationRequests: [],
    followUps: [],
    reporterMessages: [],
    reopenCount: 0,
    supporterAccountIds: [],
    findings: [],
    escalations: [],
  };
}

/** The change one event makes to an existing complaint. */
function applied(c: Complaint, event: ComplaintEvent): Complaint {
  switch (event.type) {
    case 'ComplaintSubmitted':
      return c; // unreachable: evolve handles it before
    case 'ComplaintVerified':
      return { ...c, verifiedAt: event.data.at };
    case 'ComplaintDisposed':
      return {
        ...c,
        status: 'disposed',
        owner: { kind: 'agency', agencyId: event.data.agencyId },
        deadline: { stage: 'agency_response', dueAt: event.data.respondBy },
        holdReason: undefined,
        agenciesInvolved: including(c.agenciesInvolved, event.data.agencyId),
      };
    case 'ComplaintRejected':
      return { ...c, status: 'closed', deadline: undefined, closure: { cause: 'rejected', rejection: event.data.rejection, at: event.data.at } };
    case 'ComplaintPutOnHold':
      return { ...c, status: 'on_hold', deadline: undefined, holdReason: event.data.reason };
    case 'InformationRequested':
      return {
        ...c,
        status: 'awaiting_information',
        deadline: { stage: 'information', dueAt: event.data.replyBy },
        holdReason: undefined,
        informationRequests: [...c.informationRequests, { question: event.data.question, at: event.data.at }],
      };
    case 'ComplaintMerged':
      return { ...c, status: 'closed', deadline: undefined, closure: { cause: 'merged', masterComplaintId: event.data.masterComplaintId, at: event.data.at } };
    case 'PublicTextRedacted':
      return { ...c, publicText: { ...event.data } };
    case 'AssignmentAccepted':
      return {
        ...c,
        status: 'in_progress',
        resolutionClass: event.data.resolutionClass,
        deadline: { stage: 'resolution', dueAt: event.data.resolveBy },
      };
    case 'AssignmentDeclined': {
      const { nextDueAt, ...decline } = event.data;
      const to = decline.returnedTo;
      // Straight to the named agency (awaiting its response), or back to the admin for re-routing.
      return {
        ...c,
        status: to.kind === 'agency' ? 'disposed' : 'returned_to_admin',
        owner: to,
        deadline: { stage: to.kind === 'agency' ? 'agency_response' : 'verification', dueAt: nextDueAt },
        declines: [...c.declines, decline],
        agenciesInvolved: to.kind === 'agency' ? including(c.agenciesInvolved, to.agencyId) : c.agenciesInvolved,
      };
    }
    case 'ComplaintDelegated':
      return {
        ...c,
        owner: { kind: 'agency', agencyId: event.data.agencyId, unitId: event.data.unitId },
        agenciesInvolved: including(c.agenciesInvolved, event.data.unitId),
      };
    case 'FollowUpPosted':
      return { ...c, followUps: [...c.followUps, event.data] };
    case 'ComplaintResolved':
      return {
        ...c,
        status: 'resolved',
        resolution: { agencyId: event.data.agencyId, summary: event.data.summary, at: event.data.at },
        deadline: { stage: 'reporter_reply', dueAt: event.data.replyBy },
      };
    case 'ReporterReplied':
      return { ...c, reporterMessages: [...c.reporterMessages, { kind: 'reply', text: event.data.text, attachments: event.data.attachments, at: event.data.at }] };
    case 'InformationSupplemented': {
      const message = { kind: 'supplement' as const, text: event.data.text, attachments: event.data.attachments, at: event.data.at };
      const withMessage = { ...c, reporterMessages: [...c.reporterMessages, message] };
      if (event.data.verifyBy === undefined) return withMessage;
      // The answer to an information request puts the report back before the admin.
      return {
        ...withMessage,
        status: c.verifiedAt === undefined ? 'submitted' : 'returned_to_admin',
        deadline: { stage: 'verification', dueAt: event.data.verifyBy },
      };
    }
    case 'OutcomeRated':
      return { ...c, rating: { ...event.data } };
    case 'ComplaintReopened':
      return { ...c, status: 'in_progress', deadline: { stage: 'resolution', dueAt: event.data.resolveBy }, reopenCount: c.reopenCount + 1 };
    case 'OversightFindingRecorded':
      return { ...c, findings: [...c.findings, event.data] };
    case 'ComplaintSupported':
      return { ...c, supporterAccountIds: including(c.supporterAccountIds, event.data.accountId) };
    case 'ComplaintMadeConfidential':
      return { ...c, confidential: true };
    case 'ReporterDataErased':
      return { ...c, reporterDataErased: true };
    case 'ComplaintEscalated':
      return {
        ...c,
        escalations: [...c.escalations, event.data],
        agenciesInvolved: including(c.agenciesInvolved, event.data.raisedToAgencyId),
      };
    case 'ComplaintClosed':
      return { ...c, status: 'closed', deadline: undefined, closure: { ...event.data } };
    case 'ReporterIdentityAccessed':
      return c; // unreachable: evolve handles it before
  }
}

/**
 * Folds one event into the state. Total: it never throws, and an event that makes no sense
 * for the state (which decide never produces) leaves the state as it was.
 */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (!state.exists) return event.type === 'ComplaintSubmitted' ? submitted(event.data) : state;
  // A stream holds one submission; a second one changes nothing.
  if (event.type === 'ComplaintSubmitted') return state;
  // A record of who looked changes nothing about the complaint, not even updatedAt: no view
  // (the public's, or an agency's feed) may move because staff read it. It lives in the ledger.
  if (event.type === 'ReporterIdentityAccessed') return state;
  return { ...applied(state, event), updatedAt: event.data.at };
}

export function rebuild(events: readonly ComplaintEvent[], from: ComplaintState = { exists: false }): ComplaintState {
  return events.reduce(evolve, from);
}
