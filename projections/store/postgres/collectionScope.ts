const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * The WHERE condition of one collection, with its names as literals: the partial indexes are
 * declared with this very text, so a query that uses it lets the planner match them even in a
 * generic (prepared, reused) plan, where a `$1` parameter could not prove the index predicate.
 */
export function collectionScope(projection: string, collection: string): string {
  return `projection = ${quoteLiteral(projection)} AND collection = ${quoteLiteral(collection)}`;
}
