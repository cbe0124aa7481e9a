import { z } from 'zod';
import { parseInput } from '../../app/http/validation';

/** ETag of a complaint: its stream revision, as a strong entity tag. */
export const etagOf = (revision: number): string => `"${revision}"`;

export const IfMatch = z.object({ 'if-match': z.string().regex(/^(\*|"\d{1,15}")$/, 'expected an entity tag from ETag, like "3"') });

/** The revision named by If-Match; undefined without the header or with `*` (any). */
export function ifMatchRevision(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = parseInput(IfMatch, { 'if-match': header.trim() }, 'headers')['if-match'];
  return value === '*' ? undefined : Number(value.slice(1, -1));
}
