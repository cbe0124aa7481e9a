import type { DocumentChange, DocumentKeys } from '../store/documents';
import { refKey } from '../store/documents';
import { sameJson } from './jsonValues';

export interface RenderedDocument {
  readonly collection: string;
  readonly id: string;
  readonly keys: DocumentKeys;
  readonly body: unknown;
}

const sameContent = (a: RenderedDocument, b: RenderedDocument | undefined): boolean => b !== undefined && sameJson(a.keys, b.keys) && sameJson(a.body, b.body);

/**
 * The writes that take the documents rendered from the state before an event to those
 * rendered after it: only documents whose content changed are written, so their
 * lastPosition (an agency's feed cursor) moves only when what that audience sees changed.
 */
export function changedDocuments(before: readonly RenderedDocument[], after: readonly RenderedDocument[]): DocumentChange[] {
  const previous = new Map(before.map((d) => [refKey(d), d]));
  const changes: DocumentChange[] = [];
  const current = new Set<string>();
  for (const document of after) {
    const key = refKey(document);
    current.add(key);
    // Written as rendered, not copied: no one changes a rendered body, and every store writes JSON text (undefined members drop out there).
    if (!sameContent(document, previous.get(key))) changes.push({ kind: 'put', ...document });
  }
  for (const document of before) {
    if (!current.has(refKey(document))) changes.push({ kind: 'delete', collection: document.collection, id: document.id });
  }
  return changes;
}
