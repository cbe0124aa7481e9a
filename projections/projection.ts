import type { ComplaintEvent } from '../domain/complaint';
import type { OpenedPersonalData, SealedPersonalData } from '../domain/personalData';
import type { EventMetadata } from '../eventstore/metadata';
import type { GlobalPosition } from '../eventstore/port';
import type { RenderedDocument } from './shared/renderedDocuments';
import type { ComplaintTransition, TrackedComplaint } from './shared/trackedComplaint';
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

/** What a projection's aggregates may consult while handling an event: nothing else, so a rebuild gives the same documents. */
export interface ProjectionContext {
  /** The document as it stands, including this batch's earlier changes. */
  document(ref: DocumentRef): Promise<StoredDocument | undefined>;
}

/**
 * A projection: each complaint's documents for one audience, rendered from the complaint's
 * state (folded once from the ledger for every projection), and aggregates each event moves.
 * The runner writes the documents whose content an event changed (projections/runner/
 * complaintChanges.ts). `version` names the shape of its documents: a new version is rebuilt
 * beside the old one.
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
  /** The audience's documents of one complaint, shaped by the domain's viewFor: a function of its state alone. */
  render(tracked: TrackedComplaint): readonly RenderedDocument[];
  /** Aggregates (counters, histograms) the event moves. */
  aggregate?(event: ComplaintEvent, transition: ComplaintTransition, context: ProjectionContext): Promise<readonly DocumentChange[]>;
  /** Checks a rendered document before it is written: throws to refuse it (the event that brings it is poison). */
  checkWrite?(document: RenderedDocument): RenderedDocument;
}
