import type { PostRoute } from '../../app/http/postRoute';
import { jsonResult, problemResult } from '../../app/http/httpResult';
import { problem } from '../../app/http/problem';
import { parseInput } from '../../app/http/validation';
import type { AgencyDirectory } from '../../domain/complaint';
import type { AccessCodes } from '../accessCodeHash';
import type { HandleCommand } from '../handleCommand';
import { mintSubmissionDraft, SubmissionDraft } from '../intake/submissionDraft';
import { submitComplaint, type PersonalDataSealer } from '../intake/submitComplaint';
import { etagOf } from './ifMatch';
import { outcomeResult } from './outcomeResult';
import { submitComplaintBody, type SubmitComplaintBody } from './submitComplaintBody';

export interface SubmitRouteDependencies {
  readonly handle: HandleCommand;
  readonly vault: PersonalDataSealer;
  readonly agencies: AgencyDirectory;
  readonly accessCodes: Pick<AccessCodes, 'hash'>;
}

const reporterErased = problemResult(
  problem(409, 'reporter_erased', 'This account has been erased', { detail: 'the personal data of this account were erased; nothing more can be filed under it' }),
);

/** `POST /api/complaints`: public, an account optional. 201 with the receipt; the access code is shown only here. */
export function submitComplaintRoute(deps: SubmitRouteDependencies): PostRoute<SubmitComplaintBody, SubmissionDraft> {
  const bodySchema = submitComplaintBody(deps.agencies);
  return {
    parse: (req) => parseInput(bodySchema, req.body, 'body'),
    draft: { schema: SubmissionDraft, mint: mintSubmissionDraft },
    async execute(body, { actor, requestId, draft, draftIsNew }) {
      const { reporter, channel, ...report } = body;
      const outcome = await submitComplaint(deps, {
        report,
        ...(reporter === undefined ? {} : { reporter }),
        channel,
        actor,
        draft,
        draftIsNew,
        correlationId: requestId,
        causationId: requestId,
      });
      if (outcome.kind === 'reporter_erased') return reporterErased;
      return outcomeResult(outcome, (accepted) =>
        jsonResult(
          201,
          { id: draft.complaintId, trackingId: draft.trackingId, accessCode: draft.accessCode },
          { location: `/api/complaints/${draft.complaintId}`, etag: etagOf(accepted.revision), 'cache-control': 'no-store' },
        ),
      );
    },
  };
}
