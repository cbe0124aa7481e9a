import { z } from 'zod';
import { AcceptAssignment, DeclineAssignment, DelegateToUnit, PostFollowUp, ResolveComplaint } from './agencyCommands';
import { DisposeComplaint, HoldComplaint, MergeDuplicate, RedactPublicText, RejectComplaint, RequestInformation } from './dispatchCommands';
import { RecordOversightFinding, SupportComplaint } from './oversightCommands';
import { EraseReporterData, MakeConfidential } from './protectionCommands';
import { RateOutcome, ReopenComplaint, ReplyToFollowUp, SupplementInformation } from './reporterCommands';
import { SubmitComplaint } from './submitCommand';
import { AutoCloseComplaint, EscalateComplaint } from './systemCommands';

export const ComplaintCommand = z.discriminatedUnion('type', [
  SubmitComplaint,
  DisposeComplaint,
  RejectComplaint,
  HoldComplaint,
  RequestInformation,
  MergeDuplicate,
  RedactPublicText,
  AcceptAssignment,
  DeclineAssignment,
  DelegateToUnit,
  PostFollowUp,
  ResolveComplaint,
  ReplyToFollowUp,
  SupplementInformation,
  RateOutcome,
  ReopenComplaint,
  RecordOversightFinding,
  SupportComplaint,
  MakeConfidential,
  EraseReporterData,
  EscalateComplaint,
  AutoCloseComplaint,
]);
export type ComplaintCommand = z.infer<typeof ComplaintCommand>;
export type ComplaintCommandType = ComplaintCommand['type'];
export type CommandOf<K extends ComplaintCommandType> = Extract<ComplaintCommand, { type: K }>;

export const COMPLAINT_COMMAND_TYPES: readonly ComplaintCommandType[] = ComplaintCommand.options.map((o) => o.shape.type.value);
