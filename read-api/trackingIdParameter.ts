import { z } from 'zod';
import { parseTrackingId } from '../domain/trackingId';

/** A tracking id as people type or dictate it (any case, hyphens); a mistyped one is a 400 that says so. */
export const TrackingIdParameter = z
  .string()
  .max(64)
  .transform((input, context) => {
    const parsed = parseTrackingId(input);
    if (parsed.ok) return parsed.trackingId;
    context.addIssue({ code: 'custom', message: parsed.error.message });
    return z.NEVER;
  })
  .meta({ description: 'Tracking id as printed on the receipt (any case; hyphens and spaces ignored)' });
