import { fieldTypeOf, LAST_POSITION, type CollectionSpec, type FieldType } from './collectionSpec';
import { MAX_PAGE_SIZE, type DocumentQuery, type Filter } from './documentQuery';
import type { DocumentKeys, StoredDocument } from './documents';
import { encodeCursor } from './pageCursor';

/**
 * The rules of a DocumentQuery every store applies the same way, so that a query means the
 * same thing (and pages the same way) on PostgreSQL and on MongoDB.
 */

/** A field name stores put into SQL text or MongoDB paths themselves: letters and digits only. */
export function checkFieldName(field: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]{0,62}$/.test(field)) throw new Error(`invalid read-model field name: ${field}`);
  return field;
}

/** The filter's value must fit the declared field type; containsAll only on `strings`. */
export function checkFilter(spec: CollectionSpec, filter: Filter): FieldType {
  const type = fieldTypeOf(spec, filter.field);
  const ok =
    filter.op === 'containsAll'
      ? type === 'strings' && Array.isArray(filter.value)
      : type !== 'strings' && typeof filter.value === (type === 'string' ? 'string' : type);
  if (!ok) throw new Error(`filter ${filter.op} on ${filter.field} (${type}) cannot take ${JSON.stringify(filter.value)}`);
  return type;
}

/** Only declared string or number fields (or lastPosition) can order a page. */
export function checkSortField(spec: CollectionSpec, field: string): 'string' | 'number' {
  const type = fieldTypeOf(spec, field);
  if (type !== 'string' && type !== 'number') throw new Error(`cannot order by ${field} (${type})`);
  return type;
}

export const pageSizeOf = (query: DocumentQuery): number => Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(query.limit)));

/** The value a cursor records for a document: its sort key. */
export function sortValueOf(field: string, keys: DocumentKeys, lastPosition: string): string | number {
  if (field === LAST_POSITION) return lastPosition;
  const value = keys[field];
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`document has no sortable ${field}`);
  return value;
}

/** An object (a body, keys) without these top-level fields, for a store that reads them anyway. */
export function omittingFields<T>(value: T, fields: readonly string[] | undefined): T {
  if (fields === undefined || fields.length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const kept: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of fields) delete kept[checkFieldName(field)];
  return kept as T;
}

/**
 * A collection's `strings` fields (search terms): only filters use them, never an order or
 * a cursor, and they are most of a document's keys, so found documents come without them.
 */
export const filterOnlyFields = (spec: CollectionSpec): string[] => Object.keys(spec.fields).filter((field) => spec.fields[field] === 'strings');

/** A page from up to pageSize + 1 fetched documents: the extra one only says that more follow. */
export function pageFrom<Body>(fetched: readonly StoredDocument<Body>[], pageSize: number, orderField: string): { items: StoredDocument<Body>[]; next?: string } {
  const items = fetched.slice(0, pageSize);
  const last = items.at(-1);
  if (fetched.length <= pageSize || !last) return { items };
  return { items, next: encodeCursor([sortValueOf(orderField, last.keys, last.lastPosition), last.id]) };
}
