import type { DocumentChange, DocumentKeys, DocumentRef } from '../store/documents';
import { refKey } from '../store/documents';
import { sameJson } from './jsonValues';

export interface RenderedDocument {
  readonly collection: string;
  readonly id: string;
  readonly keys: DocumentKeys;
  readonly body: unknown;
}

const sameContent = (a: RenderedDocument, b: RenderedDocument | undefined): boolean => b !== undefined && sameJson(a.keys, b.keys) && sameJson(a.body, b.body);

/** Absent in both counts as the same. */
const sameOrBothAbsent = (a: RenderedDocument | undefined, b: RenderedDocument | undefined): boolean => (a === undefined ? b === undefined : sameContent(a, b));

const byKey = (documents: readonly RenderedDocument[]): Map<string, RenderedDocument> => new Map(documents.map((d) => [refKey(d), d]));

const changeTo = (ref: DocumentRef, document: RenderedDocument | undefined): DocumentChange =>
  document === undefined ? { kind: 'delete', collection: ref.collection, id: ref.id } : { kind: 'put', ...document };

/**
 * The writes that take the documents rendered from the state before an event to those
 * rendered after it: only documents whose content changed are written, so their
 * lastPosition (an agency's feed cursor) moves only when what that audience sees changed.
 */
export function changedDocuments(before: readonly RenderedDocument[], after: readonly RenderedDocument[]): DocumentChange[] {
  const previous = byKey(before);
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

/** A write and the index (1-based) of the event of the run that made it. */
export interface DatedChange {
  readonly change: DocumentChange;
  readonly event: number;
}

/**
 * What changedDocuments, applied event by event over a run of `events` events, leaves to write:
 * each document's last change, dated by the last event that changed it. `renderAt(i)` renders
 * the state after the run's i-th event (0: before the run). States are rendered newest first,
 * only as far back as dating needs: a document that every event changes takes two renders, not
 * one per event. Left out: a document that appears and goes again within the run, absent
 * before and after it (deleting it changes nothing stored).
 */
export function runChangedDocuments(events: number, renderAt: (index: number) => readonly RenderedDocument[]): DatedChange[] {
  const first = byKey(renderAt(0));
  let newer = byKey(renderAt(events));
  /** Each document still undated, with what it is after the run (undefined: gone). */
  const undated = new Map<string, { ref: DocumentRef; final: RenderedDocument | undefined }>();
  for (const [key, document] of newer) undated.set(key, { ref: document, final: document });
  for (const [key, document] of first) if (!newer.has(key)) undated.set(key, { ref: document, final: undefined });
  const dated: DatedChange[] = [];
  for (let event = events; event >= 1 && undated.size > 0; event--) {
    const older = event === 1 ? first : byKey(renderAt(event - 1));
    for (const [key, { ref, final }] of undated) {
      if (sameOrBothAbsent(newer.get(key), older.get(key))) continue;
      dated.push({ change: changeTo(ref, final), event });
      undated.delete(key);
    }
    newer = older;
  }
  return dated;
}
