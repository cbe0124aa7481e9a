import type { z } from 'zod';
import { HttpProblem } from './httpProblem';
import { validationProblem, type FieldError } from './problem';

/** Where a value came from, the first segment of every error path. */
export type InputSource = 'body' | 'params' | 'query' | 'headers';

/** zod issues as field errors; each unknown key becomes an error of its own ("status: unknown field"). */
export function fieldErrorsOf(error: z.ZodError, source: InputSource): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [source, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'unknown field' }));
    return [{ path: base.join('.'), message: issue.message }];
  });
}

/**
 * Parses input with a (strict) schema or throws a 400 naming every failing field.
 * Schemas at this boundary are strict objects, so `status` or `agencyId` cannot be
 * slipped into a request and mass-assigned.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, source: InputSource): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpProblem(validationProblem(fieldErrorsOf(result.error, source)));
  return result.data;
}
