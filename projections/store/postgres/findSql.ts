import type { CollectionSpec, FieldType } from '../collectionSpec';
import type { DocumentQuery } from '../documentQuery';
import type { KeyValue } from '../documents';
import { decodeCursor } from '../pageCursor';
import { checkFieldName, checkFilter, checkSortField, filterOnlyFields, pageSizeOf } from '../queryRules';
import { collectionScope } from './collectionScope';
import { fieldExpression } from './fieldSql';

const COMPARISONS = { eq: '=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
const PARAMETER_CAST: Readonly<Record<FieldType, string>> = { string: 'text', number: 'numeric', boolean: 'boolean', strings: 'jsonb' };

export interface FindSql {
  readonly text: string;
  readonly params: unknown[];
  /** How many rows were asked for: one more than the page, to know whether a next page exists. */
  readonly fetch: number;
  readonly pageSize: number;
}

/**
 * A column without these top-level fields (keys is jsonb, body JSON text): jsonb minus keys
 * costs PostgreSQL about what writing the fields out would.
 */
function withoutFields(column: 'keys' | 'body', fields: readonly string[]): string {
  if (fields.length === 0) return column;
  const omitted = `ARRAY[${fields.map((field) => `'${checkFieldName(field)}'`).join(', ')}]::text[]`;
  return column === 'keys' ? `keys - ${omitted} AS keys` : `(body::jsonb - ${omitted})::text AS body`;
}

/**
 * SELECT of one page of a live-generation query: typed filters, order by one field and the
 * id, and a keyset cursor `(sort, id) > (last sort, last id)` (reversed for descending).
 */
export function findSql(schema: string, projection: string, spec: CollectionSpec, query: DocumentQuery): FindSql {
  const params: unknown[] = [projection];
  const parameter = (value: unknown, type: FieldType): string => {
    params.push(value);
    return `$${params.length}::${PARAMETER_CAST[type]}`;
  };
  const conditions: string[] = [];
  for (const filter of query.where ?? []) {
    const type = checkFilter(spec, filter);
    const expression = fieldExpression(filter.field, type);
    conditions.push(
      filter.op === 'containsAll'
        ? `${expression} @> ${parameter(JSON.stringify(filter.value), type)}`
        : `${expression} ${COMPARISONS[filter.op]} ${parameter(filter.value satisfies KeyValue, type)}`,
    );
  }
  const sortType = checkSortField(spec, query.orderBy.field);
  const sortExpression = fieldExpression(query.orderBy.field, sortType);
  const descending = query.orderBy.direction === 'desc';
  if (query.cursor !== undefined) {
    const [sortValue, id] = decodeCursor(query.cursor);
    conditions.push(`(${sortExpression}, id) ${descending ? '<' : '>'} (${parameter(sortValue, sortType)}, ${parameter(id, 'string')})`);
  }
  const pageSize = pageSizeOf(query);
  params.push(pageSize + 1);
  const direction = descending ? 'DESC' : 'ASC';
  const text = `SELECT id, ${withoutFields('keys', filterOnlyFields(spec))}, ${withoutFields('body', query.omitBodyFields ?? [])}, last_position FROM ${schema}.read_documents
    WHERE ${collectionScope(projection, spec.name)}
      AND generation = (SELECT generation FROM ${schema}.read_generations WHERE projection = $1 AND state = 'live')
      ${conditions.map((c) => `AND ${c}`).join('\n      ')}
    ORDER BY ${sortExpression} ${direction}, id ${direction}
    LIMIT $${params.length}`;
  return { text, params, fetch: pageSize + 1, pageSize };
}
