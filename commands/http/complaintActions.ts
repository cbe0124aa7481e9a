import { z } from 'zod';
import { Attachments, type CommandOf, type Complaint, type ComplaintCommand, type ComplaintCommandType, type ComplaintEvent } from '../../domain/complaint';
import { AcceptAssignment, DeclineAssignment, DelegateToUnit, PostFollowUp, ResolveComplaint } from '../../domain/complaint/commands/agencyCommands';
import { DisposeComplaint, HoldComplaint, MergeDuplicate, RedactPublicText, RejectComplaint, RequestInformation } from '../../domain/complaint/commands/dispatchCommands';
import { RecordOversightFinding, SupportComplaint } from '../../domain/complaint/commands/oversightCommands';
import { EraseReporterData, MakeConfidential } from '../../domain/complaint/commands/protectionCommands';
import { RateOutcome, ReopenComplaint, ReplyToFollowUp, SupplementInformation } from '../../domain/complaint/commands/reporterCommands';
import type { ActionDraft } from './actionDraft';

type Fields<K extends ComplaintCommandType> = Omit<CommandOf<K>, 'type'>;

export interface PersonalDataEraser {
  erase(keyId: string): Promise<void>;
}

/** One `POST /api/complaints/{id}/{action}`: its body, and the domain command it becomes. */
export interface ComplaintAction {
  readonly body: z.ZodType<object>;
  /** Only ever called with the output of `body`. */
  toCommand(body: object, draft: ActionDraft): ComplaintCommand;
  /** Ids of what the action creates, returned to the caller. */
  created(draft: ActionDraft): Readonly<Record<string, string>>;
  beforeAppend?(vault: PersonalDataEraser): (complaint: Complaint, events: readonly ComplaintEvent[]) => Promise<void>;
}

/** An action whose body is the command itself minus its type. */
function action<K extends ComplaintCommandType>(type: K, body: z.ZodType<Fields<K>>): ComplaintAction {
  return {
    body,
    toCommand: (fields) => ({ type, ...(fields as Fields<K>) }) as ComplaintCommand,
    created: () => ({}),
  };
}

/** An action that creates something with an id the server mints (named `idField` in command and answer). */
function creatingAction<K extends ComplaintCommandType, B extends object>(type: K, body: z.ZodType<B>, idField: keyof Fields<K> & string): ComplaintAction {
  return {
    body,
    toCommand: (fields, draft) => ({ type, ...(fields as B), [idField]: draft.entityId }) as ComplaintCommand,
    created: (draft) => ({ [idField]: draft.entityId }),
  };
}

const withOptionalAttachments = { attachments: Attachments.default([]) };

const dispose = action('DisposeComplaint', DisposeComplaint.omit({ type: true }));
const reject = action('RejectComplaint', RejectComplaint.omit({ type: true }));

/** The key of the envelope goes first, so the ledger never says "erased" about readable data. */
const eraseReporterData: ComplaintAction = {
  ...action('EraseReporterData', EraseReporterData.omit({ type: true })),
  beforeAppend: (vault) => async (complaint) => {
    if (complaint.reporter) await vault.erase(complaint.reporter.keyId);
  },
};

/** What a reporter does on their own complaint: by account here, or by receipt (receiptActionRouter.ts) with the same bodies. */
export const reporterActions = {
  reply: action('ReplyToFollowUp', ReplyToFollowUp.omit({ type: true }).extend(withOptionalAttachments)),
  supplement: action('SupplementInformation', SupplementInformation.omit({ type: true }).extend(withOptionalAttachments)),
  rate: action('RateOutcome', RateOutcome.omit({ type: true })),
  reopen: action('ReopenComplaint', ReopenComplaint.omit({ type: true })),
} as const satisfies Readonly<Record<string, ComplaintAction>>;

/**
 * Every action by its path segment. SP4N verifies by routing (the first disposition
 * records the verification), so `verify` and `assign` are names of `dispose`; `archive`
 * is the LAPOR! word for `reject`. Scheduler commands (escalate, auto-close) have no route.
 */
export const complaintActions: Readonly<Record<string, ComplaintAction>> = {
  dispose,
  assign: dispose,
  verify: dispose,
  reject,
  archive: reject,
  hold: action('HoldComplaint', HoldComplaint.omit({ type: true })),
  'request-information': action('RequestInformation', RequestInformation.omit({ type: true })),
  merge: action('MergeDuplicate', MergeDuplicate.omit({ type: true })),
  redact: action('RedactPublicText', RedactPublicText.omit({ type: true })),
  accept: action('AcceptAssignment', AcceptAssignment.omit({ type: true })),
  decline: action('DeclineAssignment', DeclineAssignment.omit({ type: true })),
  delegate: action('DelegateToUnit', DelegateToUnit.omit({ type: true })),
  'follow-ups': creatingAction('PostFollowUp', PostFollowUp.omit({ type: true, followUpId: true }).extend(withOptionalAttachments), 'followUpId'),
  resolve: action('ResolveComplaint', ResolveComplaint.omit({ type: true })),
  ...reporterActions,
  'oversight-findings': creatingAction('RecordOversightFinding', RecordOversightFinding.omit({ type: true, findingId: true }), 'findingId'),
  support: action('SupportComplaint', SupportComplaint.omit({ type: true })),
  'make-confidential': action('MakeConfidential', MakeConfidential.omit({ type: true })),
  'erase-reporter-data': eraseReporterData,
};

export const actionNames = Object.keys(complaintActions);
