import type { AgencyRegistry } from '../../domain/routing';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import type { DescribedRoute } from '../openapi/describedRoute';
import { publicComplaintRoutes } from './publicComplaintRoutes';
import { publicStatisticsRoutes } from './publicStatisticsRoutes';

/** Everything anyone may read without logging in: the public read model only. */
export const publicRoutes = (deps: { readonly reader: ReadModelReader; readonly agencies: AgencyRegistry }): DescribedRoute[] => [
  ...publicComplaintRoutes(deps),
  ...publicStatisticsRoutes(deps),
];
