import { LAST_POSITION, type FieldType } from '../collectionSpec';
import { checkFieldName } from '../queryRules';

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
