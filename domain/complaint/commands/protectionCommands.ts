import { z } from 'zod';

export const MakeConfidential = z.object({ type: z.literal('MakeConfidential') }).strict();

/** UU PDP 27/2022: the reporter's personal data become unreadable; the ledger stays intact. */
export const EraseReporterData = z.object({ type: z.literal('EraseReporterData') }).strict();
