import { z } from 'zod';
import { decodeCursor, InvalidCursor } from '../projections/store/pageCursor';

/**
 * Decodes like the stores do, and checks what a store would choke on: a sort value of the
 * wrong type (text cast to numeric) or a NUL (PostgreSQL text refuses it).
 */
const isIssuedCursor = (sortType: 'string' | 'number') => (cursor: string): boolean => {
  try {
    const [sortValue, id] = decodeCursor(cursor);
    return typeof sortValue === sortType && ![sortValue, id].some((part) => typeof part === 'string' && part.includes('\u0000'));
  } catch (error) {
    if (error instanceof InvalidCursor) return false;
    throw error;
  }
};

/** `?cursor=` as the `next` of a previous page sorted by a `sortType` field; anything else is a 400 on query.cursor, never a store error. */
export const cursorParameter = (sortType: 'string' | 'number') =>
  z
    .string()
    .max(600)
    .refine(isIssuedCursor(sortType), 'not a cursor this service issued: pass the `next` of the previous page')
    .meta({ description: 'The `next` of the previous page' });

/** `?limit=`: bounded, so no request can ask for the whole read model. */
export const limitParameter = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).meta({ description: `Page size, 1 to ${max} (default ${fallback})` });

/** The shape of a page in every list answer. */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), next: z.string().optional().meta({ description: 'Cursor of the next page; absent on the last page' }) }).strict();
