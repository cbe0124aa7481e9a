import { LAST_POSITION, type FieldType } from '../collectionSpec';

/** A field name we put into SQL text ourselves: letters and digits only. */
export function checkFieldName(field: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]{0,62}$/.test(field)) throw new Error(`invalid read-model field name: ${field}`);
  return field;
}

/**
 * The SQL expression of an indexed field, typed so that comparisons and orders match
 * MongoDB's (numbers numerically, text bytewise). Queries and indexes must use the very
 * same expression for PostgreSQL to use the index.
 */
export function fieldExpression(field: string, type: FieldType): string {
  if (field === LAST_POSITION) return 'last_position';
  const name = checkFieldName(field);
  switch (type) {
    case 'string':
      return `((keys->>'${name}') COLLATE "C")`;
    case 'number':
      return `((keys->>'${name}')::numeric)`;
    case 'boolean':
      return `((keys->>'${name}')::boolean)`;
    case 'strings':
      return `(keys->'${name}')`;
  }
}
