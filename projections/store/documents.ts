import type { GlobalPosition } from '../../eventstore/port';

/** An indexed field's value: what filters compare and orders sort on. */
export type KeyValue = string | number | boolean | readonly string[];
export type DocumentKeys = Readonly<Record<string, KeyValue>>;

export interface DocumentRef {
  readonly collection: string;
  readonly id: string;
}

/**
 * A read-model document: the body an audience reads, the indexed keys its queries use, and
 * the position of the last ledger event applied to it (idempotent replays; feed cursors).
 */
export interface StoredDocument<Body = unknown> extends DocumentRef {
  readonly keys: DocumentKeys;
  readonly body: Body;
  readonly lastPosition: GlobalPosition;
}

/** What a projection asks for: replace a document, or remove it. */
export type DocumentChange =
  | { readonly kind: 'put'; readonly collection: string; readonly id: string; readonly keys: DocumentKeys; readonly body: unknown }
  | { readonly kind: 'delete'; readonly collection: string; readonly id: string };

/** A change as the runner commits it: stamped with the position of the event that made it. */
export type PositionedChange = DocumentChange & { readonly position: GlobalPosition };

export const refKey = (ref: DocumentRef): string => `${ref.collection}\u0001${ref.id}`;
