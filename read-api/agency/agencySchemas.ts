import { z } from 'zod';
import { Stage } from '../../domain/complaint';
import { AgencyId } from '../../domain/routing';
import { cursorParameter, limitParameter, pageOf } from '../pagination';
import { StaffComplaintSummary } from '../staff/staffComplaintSummary';
import { CaseViewSchema, ComplaintStatusSchema } from '../views/caseViewSchema';

/** The agency's id as in the registry; a unit's id holds a slash, sent as %2F. */
export const AgencyParams = z.object({ agencyId: AgencyId.meta({ description: 'Agency id, e.g. kemenkes or pemkot-32.73%2Fdinkes' }) }).strict();

export const AgencyCaseParams = AgencyParams.extend({ id: z.uuid().meta({ description: 'The complaint id (not the tracking id)' }) }).strict();

const BooleanText = z.enum(['true', 'false']).transform((text) => text === 'true');

export const QueueQuery = z
  .object({
    stage: Stage.optional().meta({ description: 'Only complaints whose running clock is this stage' }),
    status: ComplaintStatusSchema.optional(),
    overdue: BooleanText.optional().meta({ description: 'true: only those past their deadline; false: only those within it' }),
    cursor: cursorParameter('string').optional(),
    limit: limitParameter(100, 20),
  })
  .strict();

export const QueuePage = pageOf(StaffComplaintSummary).meta({ description: 'Most urgent first: the earliest deadline first, complaints without one last' });

/** The longest a feed request waits for a change before answering an empty page. */
export const MAX_FEED_WAIT_SECONDS = 25;

export const FeedQuery = z
  .object({
    after: z
      .string()
      .max(100)
      .regex(/^[0-9A-Za-z:._-]*$/, 'not a feed position: pass the `next` of the previous answer')
      .optional()
      .meta({ description: 'The `next` of the previous answer; absent: from the beginning' }),
    wait: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_FEED_WAIT_SECONDS)
      .default(0)
      .meta({ description: `Long poll: seconds to wait for a change when there is none yet (0 to ${MAX_FEED_WAIT_SECONDS})` }),
    limit: limitParameter(100, 50),
  })
  .strict();

export const FeedPage = z
  .object({
    items: z.array(z.object({ position: z.string(), view: CaseViewSchema }).strict()),
    next: z.string().optional().meta({ description: 'Pass back as `after`; absent only when the feed is still empty' }),
  })
  .strict()
  .meta({ description: "Cases whose view changed after `after`, in ledger order, each once at its latest change, as the agency sees them" });
