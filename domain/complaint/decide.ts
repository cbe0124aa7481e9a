import { ComplaintCommand, type ComplaintCommandType } from './commands';
import type { DecisionContext } from './context';
import { acceptAssignment, declineAssignment, delegateToUnit, postFollowUp, resolveComplaint } from './decideAgency';
import { disposeComplaint, holdComplaint, mergeDuplicate, redactPublicText, rejectComplaint, requestInformation } from './decideDispatch';
import { eraseReporterData, makeConfidential, recordOversightFinding, supportComplaint } from './decideOversight';
import { rateOutcome, reopenComplaint, replyToFollowUp, supplementInformation } from './decideReporter';
import { decideSubmission } from './decideSubmission';
import { autoCloseComplaint, escalateComplaint } from './decideSystem';
import { refused, type CommandHandler, type Decision } from './decision';
import { conflict, invalid } from './errors';
import { checkRelation, checkRole } from './permissions';
import type { Complaint, ComplaintState } from './state';

type ExistingComplaintCommand = Exclude<ComplaintCommandType, 'SubmitComplaint'>;

const handlers: { readonly [K in ExistingComplaintCommand]: CommandHandler<K> } = {
  DisposeComplaint: disposeComplaint,
  RejectComplaint: rejectComplaint,
  HoldComplaint: holdComplaint,
  RequestInformation: requestInformation,
  MergeDuplicate: mergeDuplicate,
  RedactPublicText: redactPublicText,
  AcceptAssignment: acceptAssignment,
  DeclineAssignment: declineAssignment,
  DelegateToUnit: delegateToUnit,
  PostFollowUp: postFollowUp,
  ResolveComplaint: resolveComplaint,
  ReplyToFollowUp: replyToFollowUp,
  SupplementInformation: supplementInformation,
  RateOutcome: rateOutcome,
  ReopenComplaint: reopenComplaint,
  RecordOversightFinding: recordOversightFinding,
  SupportComplaint: supportComplaint,
  MakeConfidential: makeConfidential,
  EraseReporterData: eraseReporterData,
  EscalateComplaint: escalateComplaint,
  AutoCloseComplaint: autoCloseComplaint,
};

type ExistingCommand = Exclude<ComplaintCommand, { type: 'SubmitComplaint' }>;

function handle(complaint: Complaint, command: ExistingCommand, context: DecisionContext): Decision {
  // TypeScript cannot correlate handlers[command.type] with command's own type; the map's type guarantees it.
  const handler = handlers[command.type] as (complaint: Complaint, command: ExistingCommand, context: DecisionContext) => Decision;
  return handler(complaint, command, context);
}

/**
 * Decides what a command means for a complaint: the events to append, or a typed refusal.
 * Gates in order: the command's shape (invalid), the actor's role (forbidden), the
 * complaint's existence (conflict), the actor's relation to it (forbidden), then the rules
 * of the command itself. Pure: time, ids and the agency registry come in through the
 * command and the context.
 */
export function decide(state: ComplaintState, command: ComplaintCommand, context: DecisionContext): Decision {
  const parsed = ComplaintCommand.safeParse(command);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(command)'}: ${i.message}`).join('; ');
    return refused(invalid('invalid_command', detail));
  }
  const valid = parsed.data;
  const roleError = checkRole(valid.type, context);
  if (roleError) return refused(roleError);
  if (valid.type === 'SubmitComplaint') return decideSubmission(state, valid, context);
  if (!state.exists) return refused(conflict('complaint_not_found', 'no complaint has been submitted in this stream'));
  const relationError = checkRelation(valid.type, state, context);
  if (relationError) return refused(relationError);
  return handle(state, valid, context);
}
