/**
 * What a read-model collection declares about its documents' indexed fields, so that every
 * store (PostgreSQL, MongoDB) can type its filters and build the indexes the readers need.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'strings';

/** The ledger position of the last event applied to a document: always sortable. */
export const LAST_POSITION = 'lastPosition';

export interface IndexSpec {
  /** Fields compared for equality, in index order. */
  readonly equals: readonly string[];
  /** The field the index orders by (a declared string/number field, or lastPosition). */
  readonly orderBy: string;
}

export interface CollectionSpec {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldType>>;
  readonly indexes: readonly IndexSpec[];
}

/** Every collection of every projection, by projection name. */
export type CollectionCatalog = Readonly<Record<string, readonly CollectionSpec[]>>;

export function specOf(catalog: CollectionCatalog, projection: string, collection: string): CollectionSpec {
  const spec = catalog[projection]?.find((c) => c.name === collection);
  if (!spec) throw new Error(`unknown read-model collection ${projection}/${collection}`);
  return spec;
}

/** The type of a field a query names; lastPosition is a string every document has. */
export function fieldTypeOf(spec: CollectionSpec, field: string): FieldType {
  if (field === LAST_POSITION) return 'string';
  const type = spec.fields[field];
  if (!type) throw new Error(`field ${field} is not declared in collection ${spec.name}`);
  return type;
}
