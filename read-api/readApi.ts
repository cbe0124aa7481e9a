import type { Router } from 'express';
import type { Authenticator } from '../app/http/authenticate';
import type { AgencyDirectory } from '../domain/complaint';
import type { ReadModelReader } from '../projections/store/readModelReader';
import { commandRouteDescriptions } from './openapi/commandRoutes';
import type { DescribedRoute } from './openapi/describedRoute';
import { documentedApi } from './openapi/documentedApi';
import type { OpenApiDocument } from './openapi/openApiDocument';

export interface ReadApiDependencies {
  readonly reader: ReadModelReader;
  readonly authenticate: Authenticator;
  readonly agencies: AgencyDirectory;
}

export interface ReadApi {
  readonly router: Router;
  /** Every route of the API, the command routes included. */
  readonly document: OpenApiDocument;
}

/** Each audience's routes; a new router adds its list here. */
function readRoutes(_deps: ReadApiDependencies): DescribedRoute[] {
  return [];
}

/** The read side over HTTP, one router per audience, and the OpenAPI document of the whole API. */
export function createReadApi(deps: ReadApiDependencies): ReadApi {
  return documentedApi(readRoutes(deps), commandRouteDescriptions(deps.agencies));
}
