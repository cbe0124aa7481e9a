import type { Router } from 'express';
import type { Authenticator } from '../app/http/authenticate';
import type { AccessCodes } from '../commands/accessCodeHash';
import type { AttachmentStore } from '../commands/attachments/store/attachmentStore';
import type { AgencyRegistry } from '../domain/routing';
import type { ReadModelReader } from '../projections/store/readModelReader';
import { open311RouteDescriptions } from '../open311/routeDescriptions';
import { attachmentRoutes } from './attachments/attachmentRoutes';
import { attachmentUploadDescription } from './openapi/attachmentUploadRoute';
import { channelRouteDescriptions } from './openapi/channelRoutes';
import { commandRouteDescriptions } from './openapi/commandRoutes';
import type { DescribedRoute } from './openapi/describedRoute';
import { documentedApi } from './openapi/documentedApi';
import type { OpenApiDocument } from './openapi/openApiDocument';
import { publicRoutes } from './public/publicRoutes';
import { reporterRoutes } from './reporter/reporterRoutes';
import { staffRoutes, type StaffReadDependencies } from './staff/staffRoutes';

export interface ReadApiDependencies {
  readonly reader: ReadModelReader;
  readonly authenticate: Authenticator;
  readonly agencies: AgencyRegistry;
  /** Verifies receipt access codes (the same pepper as the command side). */
  readonly accessCodes: Pick<AccessCodes, 'verify'>;
  /** The agency and Ombudsman routes; absent in a process that serves the public read model only (bench:read). */
  readonly staff?: StaffReadDependencies;
  /** Where uploads are stored: `GET /api/attachments/{id}` serves them (and the upload route is documented); none without. */
  readonly attachments?: AttachmentStore;
}

export interface ReadApi {
  readonly router: Router;
  /** Every route of the API, the command routes included. */
  readonly document: OpenApiDocument;
}

/** Each audience's routes; a new router adds its list here. */
function readRoutes(deps: ReadApiDependencies): DescribedRoute[] {
  return [
    ...publicRoutes(deps),
    ...reporterRoutes(deps),
    ...(deps.staff === undefined ? [] : staffRoutes(deps, deps.staff)),
    ...(deps.attachments === undefined ? [] : attachmentRoutes({ ...deps, attachments: deps.attachments })),
  ];
}

/** The read side over HTTP, one router per audience, and the OpenAPI document of the whole API. */
export function createReadApi(deps: ReadApiDependencies): ReadApi {
  return documentedApi(readRoutes(deps), [
    ...commandRouteDescriptions(deps.agencies),
    ...channelRouteDescriptions,
    ...open311RouteDescriptions,
    ...(deps.attachments === undefined ? [] : [attachmentUploadDescription]),
  ]);
}
