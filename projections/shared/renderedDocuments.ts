import { canonicalJson } from '../../eventstore/canonicalJson';
import type { DocumentChange, DocumentKeys } from '../store/documents';
import { refKey } from '../store/documents';

export interface RenderedDocument {
  readonly collection: string;
  readonly id: string;
  readonly keys: DocumentKeys;
  readonly body: unknown;
}

const canonical = (document: RenderedDocument): string => canonicalJson({ keys: document.keys, body: document.body });

/**
 * The writes that take the documents rendered from the state before an event to those
 * rendered after it: only documents whose content changed are written, so their
 * lastPosition (an agency's feed cursor) moves only when what that audience sees changed.
 */
export function changedDocuments(before: readonly RenderedDocument[], after: readonly RenderedDocument[]): DocumentChange[] {
  const previous = new Map(before.map((d) => [refKey(d), canonical(d)]));
  const changes: DocumentChange[] = [];
  const current = new Set<string>();
  for (const document of after) {
    const key = refKey(document);
    current.add(key);
    if (previous.get(key) !== canonical(document)) changes.push({ kind: 'put', ...document, body: JSON.parse(JSON.stringify(document.body)) as unknown });
  }
  for (const document of before) {
    if (!current.has(refKey(document))) changes.push({ kind: 'delete', collection: document.collection, id: document.id });
  }
  return changes;
}
