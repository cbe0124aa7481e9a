import type { Filter as MongoFilter, Sort } from 'mongodb';
import { LAST_POSITION, type CollectionSpec } from '../collectionSpec';
import type { DocumentQuery, FilterOperator } from '../documentQuery';
import { decodeCursor } from '../pageCursor';
import { checkFieldName, checkFilter, checkSortField, pageSizeOf } from '../queryRules';
import type { MongoDocument } from './mongoDocument';

const OPERATORS: Readonly<Record<FilterOperator, string>> = { eq: '$eq', lt: '$lt', lte: '$lte', gt: '$gt', gte: '$gte', containsAll: '$all' };

/** Where a queryable field sits in a stored document. */
export const fieldPath = (field: string): string => (field === LAST_POSITION ? 'lastPosition' : `keys.${checkFieldName(field)}`);

export interface MongoFind {
  readonly filter: MongoFilter<MongoDocument>;
  readonly sort: Sort;
  /** One more than the page, to know whether a next page exists. */
  readonly limit: number;
  readonly pageSize: number;
}

/**
 * One page of a query on a generation: typed filters, order by one field then the id, and
 * the keyset cursor as `sort > last OR (sort = last AND id > last id)` (reversed when
 * descending). Strings compare bytewise on MongoDB, as under the "C" collation in PostgreSQL.
 */
export function mongoFind(spec: CollectionSpec, generation: number, query: DocumentQuery): MongoFind {
  const conditions: Record<string, unknown>[] = [{ generation }, { deleted: false }];
  for (const filter of query.where ?? []) {
    checkFilter(spec, filter);
    conditions.push({ [fieldPath(filter.field)]: { [OPERATORS[filter.op]]: filter.value } });
  }
  checkSortField(spec, query.orderBy.field);
  const sortPath = fieldPath(query.orderBy.field);
  const descending = query.orderBy.direction === 'desc';
  if (query.cursor !== undefined) {
    const [sortValue, id] = decodeCursor(query.cursor);
    const beyond = descending ? '$lt' : '$gt';
    conditions.push({ $or: [{ [sortPath]: { [beyond]: sortValue } }, { [sortPath]: sortValue, id: { [beyond]: id } }] });
  }
  const pageSize = pageSizeOf(query);
  const direction = descending ? -1 : 1;
  return { filter: { $and: conditions }, sort: { [sortPath]: direction, id: direction }, limit: pageSize + 1, pageSize };
}
