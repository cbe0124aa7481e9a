import type { KeyValue, StoredDocument } from './documents';

export type FilterOperator = 'eq' | 'lt' | 'lte' | 'gt' | 'gte' | 'containsAll';

/** One condition on an indexed field; containsAll only for `strings` fields. */
export interface Filter {
  readonly field: string;
  readonly op: FilterOperator;
  readonly value: KeyValue;
}

export interface DocumentQuery {
  readonly collection: string;
  readonly where?: readonly Filter[];
  /** Ties are broken by document id in the same direction, so pages never overlap. */
  readonly orderBy: { readonly field: string; readonly direction: 'asc' | 'desc' };
  readonly limit: number;
  /** The `next` of the previous page. */
  readonly cursor?: string;
  /**
   * Top-level body fields the caller has no use for (a list's long texts): left out of the
   * items' bodies, so that less is read and parsed. Names are letters and digits.
   */
  readonly omitBodyFields?: readonly string[];
}

export interface Page<Body = unknown> {
  readonly items: readonly StoredDocument<Body>[];
  /** Present when more documents may follow. */
  readonly next?: string;
}

export const MAX_PAGE_SIZE = 500;
