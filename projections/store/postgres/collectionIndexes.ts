import { createHash } from 'node:crypto';
import type { CollectionCatalog } from '../collectionSpec';
import { fieldTypeOf } from '../collectionSpec';
import { collectionScope } from './collectionScope';
import { fieldExpression } from './fieldSql';

/**
 * CREATE INDEX statements for every declared index: partial indexes on the shared table, one
 * per (projection, collection, index), named by a hash of their definition so that they are
 * created once, idempotently, like MongoDB's createIndex. `strings` fields get a GIN index.
 */
export function collectionIndexStatements(schema: string, catalog: CollectionCatalog): string[] {
  const statements: string[] = [];
  for (const [projection, specs] of Object.entries(catalog)) {
    for (const spec of specs) {
      const where = `WHERE ${collectionScope(projection, spec.name)}`;
      for (const index of spec.indexes) {
        const columns = ['generation', ...[...index.equals, index.orderBy].map((f) => fieldExpression(f, fieldTypeOf(spec, f))), 'id'];
        const definition = `ON ${schema}.read_documents (${columns.join(', ')}) ${where}`;
        statements.push(`CREATE INDEX IF NOT EXISTS ${indexName(definition)} ${definition}`);
      }
      for (const [field, type] of Object.entries(spec.fields)) {
        if (type !== 'strings') continue;
        const definition = `ON ${schema}.read_documents USING gin (${fieldExpression(field, type)} jsonb_path_ops) ${where}`;
        statements.push(`CREATE INDEX IF NOT EXISTS ${indexName(definition)} ${definition}`);
      }
    }
  }
  return statements;
}

function indexName(definition: string): string {
  return `read_documents_${createHash('sha256').update(definition).digest('hex').slice(0, 16)}`;
}
