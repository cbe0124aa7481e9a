import { z } from 'zod';
import { Stage } from '../../domain/complaint';
import { AgencyMonth, AgencyPerformance } from '../../projections/shared/agencyPerformance';
import { cursorParameter, limitParameter, pageOf } from '../pagination';
import { StaffComplaintSummary } from '../staff/staffComplaintSummary';

export const OversightSummary = StaffComplaintSummary.extend({
  declineCount: z.int().min(0),
  agenciesInvolved: z.array(z.string()),
  ownedSince: z.iso.datetime().meta({ description: 'When the current owner (an agency or the admin queue) took the complaint' }),
}).strict();
export const OversightPage = pageOf(OversightSummary);

export const BreachesQuery = z
  .object({ stage: Stage.optional(), cursor: cursorParameter('string').optional(), limit: limitParameter(100, 20) })
  .strict();

export const BouncingQuery = z
  .object({
    minDeclines: z.coerce.number().int().min(2).max(100).default(2).meta({ description: 'Declined at least this many times (2 or more)' }),
    cursor: cursorParameter('number').optional(),
    limit: limitParameter(100, 20),
  })
  .strict();

export const UnownedQuery = z
  .object({
    olderThanDays: z.coerce
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(3)
      .meta({ description: 'In the admin queue (no agency owns it) for longer than this many calendar days; default 3, the verification limit in working days' }),
    cursor: cursorParameter('string').optional(),
    limit: limitParameter(100, 20),
  })
  .strict();

export const ComplianceQuery = z.object({ cursor: cursorParameter('number').optional(), limit: limitParameter(100, 50) }).strict();
export const CompliancePage = pageOf(AgencyPerformance.strict());

export const ComplaintParams = z.object({ id: z.uuid().meta({ description: 'The complaint id (not the tracking id)' }) }).strict();

export const ComplianceMonthsQuery = z
  .object({
    agency: z.string().min(1).max(100).optional().meta({ description: 'One agency; without it, all agencies together' }),
    limit: limitParameter(60, 12).meta({ description: 'How many months, newest first' }),
  })
  .strict();
export const ComplianceMonths = z.object({ items: z.array(AgencyMonth.strict()) }).strict();
