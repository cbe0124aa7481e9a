import type { ComplaintEvent } from '../domain/complaint';
import type { OpenedPersonalData, SealedPersonalData } from '../domain/personalData';
import type { EventMetadata } from '../eventstore/metadata';
import type { GlobalPosition } from '../eventstore/port';
import type { ComplaintTransition } from './shared/trackedComplaint';
import type { CollectionSpec } from './store/collectionSpec';
import type { DocumentChange, DocumentRef, StoredDocument } from './store/documents';

/** A complaint event as projections receive it: validated, upcast, with where it sits in the ledger. */
export interface ProjectedEvent {
  readonly event: ComplaintEvent;
  readonly complaintId: string;
  readonly streamId: string;
  readonly position: GlobalPosition;
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
}

/** The vault, as far as projections need it (PersonalDataVault satisfies it). */
export interface PersonalDataOpener {
  open(sealed: SealedPersonalData): Promise<OpenedPersonalData>;
}

/** What a projection may consult while handling an event: nothing else, so a rebuild gives the same documents. */
export interface ProjectionContext {
  /** The document as it stands, including this batch's earlier changes. */
  document(ref: DocumentRef): Promise<StoredDocument | undefined>;
  /**
   * The transition the event makes to its complaint, folded once for every projection from
   * the ledger (undefined: nothing submitted in the stream yet). Throws when the complaint's
   * history cannot be folded up to the event, which is then poison.
   */
  complaintTransition(event: ProjectedEvent): ComplaintTransition | undefined;
}

/**
 * A projection: a reducer from one event (and the documents it reads) to document changes.
 * `version` names the shape of its documents: a new version is rebuilt beside the old one.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly collections: readonly CollectionSpec[];
  /**
   * Collections whose documents stay in memory between batches: aggregates read by nearly
   * every batch (see ResidentDocuments, which bounds how many it keeps).
   */
  readonly residentCollections?: readonly string[];
  handle(event: ProjectedEvent, context: ProjectionContext): Promise<readonly DocumentChange[]>;
}
