import type { Request } from 'express';
import { IdempotencyKeyHeader } from '../app/http/idempotency/idempotencyKey';
import { rateLimited } from '../app/http/rateLimit';
import { hourly, phoneSubject } from '../app/http/rateLimitRules';
import type { RateLimitStore } from '../app/http/rateLimitStore';
import { requestIdOf } from '../app/http/requestIds';
import { parseInput } from '../app/http/validation';
import type { Open311ApiKeys } from './apiKeys';
import { notFound, Open311Error } from './errors';
import { fileOpen311Request, type Open311IntakeDependencies } from './filing';
import type { Open311Answer } from './format';
import { serviceNamed } from './services';
import { open311Submission } from './submission';

export interface PostServiceRequestDependencies extends Open311IntakeDependencies {
  readonly apiKeys: Open311ApiKeys;
  readonly rateLimits: RateLimitStore;
  /** Complaints per hour per reporter phone, shared with the web form's allowance; none without. */
  readonly intakePerHour?: number;
  readonly defaultRegionCode: string;
  readonly clock: () => Date;
}

/** What a client may tell the citizen at once (the verification limit is in working days). */
export const SERVICE_NOTICE = 'Laporan diterima; admin SP4N-LAPOR! memverifikasinya dalam 3 hari kerja.';

/**
 * `POST /requests`: the api key (403), the client app's hourly allowance (429), the service
 * (404), the form (400), the reporter phone's allowance, then filing; answers the tracking id.
 */
export function postServiceRequest(deps: PostServiceRequestDependencies) {
  return async (req: Request): Promise<Open311Answer> => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const client = typeof body.api_key === 'string' ? await deps.apiKeys.verify(body.api_key) : undefined;
    if (client === undefined) throw new Open311Error(403, ['api_key is missing or not valid']);
    const allowance = await deps.rateLimits.take(hourly('open311-client', client.requestsPerHour), client.clientId);
    if (!allowance.allowed) throw rateLimited(allowance.retryAfterSeconds);
    // A service_code that names no service is a 404, as for its definition; a missing one is a 400 below.
    if (typeof body.service_code === 'string' && serviceNamed(body.service_code) === undefined) throw notFound('no service has this service_code');
    const submission = open311Submission(body, { receivedAt: deps.clock(), defaultRegionCode: deps.defaultRegionCode });
    const phone = submission.reporter?.phone;
    if (deps.intakePerHour !== undefined && phone !== undefined) {
      // The web form's per-phone bucket: one citizen's allowance, whichever door they use.
      const perPhone = await deps.rateLimits.take(hourly('intake-phone', deps.intakePerHour), phoneSubject(phone));
      if (!perPhone.allowed) throw rateLimited(perPhone.retryAfterSeconds);
    }
    const rawKey = req.get('idempotency-key');
    const idempotencyKey = rawKey === undefined ? undefined : parseInput(IdempotencyKeyHeader, { 'idempotency-key': rawKey }, 'headers')['idempotency-key'];
    const trackingId = await fileOpen311Request(deps, client, submission, { idempotencyKey, requestId: requestIdOf(req) });
    return { status: 200, root: 'service_requests', body: [{ service_request_id: trackingId, service_notice: SERVICE_NOTICE, account_id: null }] };
  };
}
