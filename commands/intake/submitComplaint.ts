import type { CommandOf } from '../../domain/complaint';
import type { PersonalData, SealedPersonalData } from '../../domain/personalData';
import type { Actor, Channel } from '../../eventstore/metadata';
import { ErasedKey } from '../../eventstore/vault/personalDataVault';
import type { AccessCodes } from '../accessCodeHash';
import type { CommandOutcome } from '../commandOutcome';
import type { HandleCommand } from '../handleCommand';
import { personalDataKeyFor } from './personalDataKeys';
import type { SubmissionDraft } from './submissionDraft';

/** The report as a channel received it: everything but what the command side mints and seals. */
export type ComplaintReport = Omit<CommandOf<'SubmitComplaint'>, 'type' | 'complaintId' | 'trackingId' | 'accessCodeHash' | 'reporter' | 'channel'>;

export interface PersonalDataSealer {
  seal(keyId: string, data: PersonalData): Promise<SealedPersonalData>;
}

export interface Submission {
  readonly report: ComplaintReport;
  /** Name and contact as given; sealed before they reach an event. */
  readonly reporter?: PersonalData;
  readonly channel: Channel;
  readonly actor: Actor;
  readonly draft: SubmissionDraft;
  /** The draft was minted for this execution, not kept from an earlier one: its complaint id is new (see CommandRequest.newStream). */
  readonly draftIsNew?: boolean;
  readonly correlationId: string;
  readonly causationId: string;
}

export type SubmissionOutcome = CommandOutcome | { readonly kind: 'reporter_erased' };

/** Files a complaint from any channel: hash the access code, seal the personal data, submit. */
export async function submitComplaint(
  deps: { readonly handle: HandleCommand; readonly vault: PersonalDataSealer; readonly accessCodes: Pick<AccessCodes, 'hash'> },
  submission: Submission,
): Promise<SubmissionOutcome> {
  const { draft, actor } = submission;
  let reporter: SealedPersonalData | undefined;
  try {
    reporter = submission.reporter && (await deps.vault.seal(personalDataKeyFor(actor, draft.complaintId), submission.reporter));
  } catch (error) {
    // An erased account files nothing more under its identity.
    if (error instanceof ErasedKey) return { kind: 'reporter_erased' };
    throw error;
  }
  const command: CommandOf<'SubmitComplaint'> = {
    type: 'SubmitComplaint',
    ...submission.report,
    complaintId: draft.complaintId,
    trackingId: draft.trackingId,
    accessCodeHash: deps.accessCodes.hash(draft.accessCode),
    channel: submission.channel,
    ...(reporter === undefined ? {} : { reporter }),
  };
  return deps.handle({
    complaintId: draft.complaintId,
    command,
    actor,
    channel: submission.channel,
    correlationId: submission.correlationId,
    causationId: submission.causationId,
    requestSeed: draft.requestSeed,
    newStream: submission.draftIsNew === true,
  });
}
