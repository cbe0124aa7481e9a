import type { ComplaintEvent, DomainError } from '../domain/complaint';

export interface AppendedEvent {
  readonly eventId: string;
  readonly event: ComplaintEvent;
}

/** What became of a command; every case is an answer, none is a thrown error. */
export type CommandOutcome =
  | {
      readonly kind: 'accepted';
      readonly complaintId: string;
      /** The stream's revision after the command's events. */
      readonly revision: number;
      readonly events: readonly AppendedEvent[];
      /** True when the events were already in the ledger from an earlier execution of the same request. */
      readonly alreadyApplied: boolean;
    }
  | { readonly kind: 'refused'; readonly error: DomainError; readonly revision: number | undefined }
  /** The client's If-Match revision is not the stream's: it must look again before acting. */
  | { readonly kind: 'precondition_failed'; readonly currentRevision: number | undefined }
  /** Other writers kept winning; nothing was appended. */
  | { readonly kind: 'contended'; readonly attempts: number };
