import { createHash } from 'node:crypto';
import type { CollectionSpec } from '../collectionSpec';
import { fieldTypeOf } from '../collectionSpec';
import { collectionScope } from './collectionScope';
import { fieldExpression } from './fieldSql';

/**
 * CREATE INDEX statements for every index a projection's collections declare, on `table` (a
 * projection's partitioned table, or one generation's): partial indexes, one per (collection,
 * index), named by a hash of their definition so that they are created once, idempotently,
 * like MongoDB's createIndex. `strings` fields get a GIN index. The definitions do not depend
 * on the table, so a generation's own indexes match its projection's and ATTACH adopts them.
 */
export function indexStatementsOn(table: string, projection: string, specs: readonly CollectionSpec[]): string[] {
  const statements: string[] = [];
  const create = (definition: string): void => {
    const name = `${table.slice(table.indexOf('.') + 1)}_${createHash('sha256').update(definition).digest('hex').slice(0, 16)}`;
    statements.push(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} ${definition}`);
  };
  for (const spec of specs) {
    const where = `WHERE ${collectionScope(projection, spec.name)}`;
    for (const index of spec.indexes) {
      const columns = ['generation', ...[...index.equals, index.orderBy].map((f) => fieldExpression(f, fieldTypeOf(spec, f))), 'id'];
      create(`(${columns.join(', ')}) ${where}`);
    }
    for (const [field, type] of Object.entries(spec.fields)) {
      if (type === 'strings') create(`USING gin (${fieldExpression(field, type)} jsonb_path_ops) ${where}`);
    }
  }
  return statements;
}
