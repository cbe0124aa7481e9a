import { refKey, type PositionedChange } from './documents';

/** Only the last change of each document in a batch is written, by every store. */
export function lastChangePerDocument(changes: readonly PositionedChange[]): PositionedChange[] {
  const last = new Map<string, PositionedChange>();
  for (const change of changes) last.set(refKey(change), change);
  return [...last.values()];
}
