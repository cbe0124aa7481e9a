import type { PositionedChange } from '../documents';

/**
 * JSON text of bodies already written, by body object: projections applying the same ledger
 * batch put the very same complaint-state object, which is then serialised once, not once
 * per projection. Bodies are never changed once put (a change is a new object).
 */
const bodyText = new WeakMap<object, string>();

function jsonOfBody(body: unknown): string {
  if (typeof body !== 'object' || body === null) return JSON.stringify(body) ?? 'null';
  let text = bodyText.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    bodyText.set(body, text);
  }
  return text;
}

/** The puts as one JSON array of {collection, id, keys, body, position}, for jsonb_to_recordset. */
export function putsJson(puts: readonly (PositionedChange & { kind: 'put' })[]): string {
  const rows = puts.map(
    ({ collection, id, keys, body, position }) =>
      `{"collection":${JSON.stringify(collection)},"id":${JSON.stringify(id)},"keys":${JSON.stringify(keys)},"body":${jsonOfBody(body)},"position":${JSON.stringify(position)}}`,
  );
  return `[${rows.join(',')}]`;
}
