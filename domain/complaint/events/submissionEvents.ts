import { z } from 'zod';
import {
  AccountId,
  IsoInstant,
  SealedPersonalData,
} from '../values';
import { submissionFields } from '../submissionFields';

export const ComplaintSubmitted = z
  .object({
    ...submissionFields,
    /** The reporter's account, when they have one: a plain id, not personal data. */
    reporterAccountId: AccountId.optional(),
    /** Name and contact, sealed by the vault: never plaintext in the ledger. */
    reporter: SealedPersonalData.optional(),
    at: IsoInstant,
    verifyBy: IsoInstant,
  })
  .strict();
