import { z } from 'zod';

export const OPEN311_BASE = '/open311/v2';

/** GETs take no parameters of their own but the spec's optional jurisdiction_id (and api_key, which some clients always send). */
export const CommonQuery = z.object({ jurisdiction_id: z.string().max(100).optional(), api_key: z.string().max(200).optional() }).strict();
export const ServiceCodeParams = z.object({ serviceCode: z.string().max(100) }).strict();
export const ServiceRequestParams = z.object({ serviceRequestId: z.string().max(100) }).strict();
