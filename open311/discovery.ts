import { OPEN311_CONTENT_TYPES } from './format';

/** When this endpoint's contract last changed (the spec's `changeset`). */
const CHANGESET = '2026-11-28T00:00:00+07:00';

/** The service discovery document (http://wiki.open311.org/Service_discovery): one production GeoReport v2 endpoint. */
export const discoveryDocument = (endpointUrl: string) => ({
  changeset: CHANGESET,
  contact: 'Pengelola SP4N-LAPOR!, https://www.lapor.go.id',
  key_service: 'API keys for client apps are issued by the SP4N-LAPOR! operators (npm run cli -- open311-key issue)',
  endpoints: [
    {
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: endpointUrl,
      changeset: CHANGESET,
      type: 'production',
      formats: [OPEN311_CONTENT_TYPES.json, OPEN311_CONTENT_TYPES.xml],
    },
  ],
});
