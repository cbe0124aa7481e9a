import type { Authenticator } from '../../app/http/authenticate';
import type { AgencyRegistry } from '../../domain/routing';
import type { EventStore } from '../../eventstore/port';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import { agencyRoutes } from '../agency/agencyRoutes';
import type { DescribedRoute } from '../openapi/describedRoute';
import { oversightComplaintRoutes } from '../oversight/oversightComplaintRoutes';
import { oversightListRoutes } from '../oversight/oversightListRoutes';
import { identityReadLog } from './identityReadLog';

/** What the staff routers need besides the read model: the ledger (identity reads are appended, histories read) and a clock. */
export interface StaffReadDependencies {
  readonly ledger: Pick<EventStore, 'appendToStream' | 'readStream'>;
  /** Now, for overdue flags, breach and unowned cut-offs, and the time of a recorded read. */
  readonly clock: () => Date;
}

/** The agency and Ombudsman routers. */
export function staffRoutes(
  deps: { readonly reader: ReadModelReader; readonly authenticate: Authenticator; readonly agencies: AgencyRegistry },
  staff: StaffReadDependencies,
): DescribedRoute[] {
  const identityReads = identityReadLog(staff.ledger, staff.clock);
  const shared = { ...deps, clock: staff.clock, identityReads };
  return [...agencyRoutes(shared), ...oversightListRoutes(shared), ...oversightComplaintRoutes({ ...shared, ledger: staff.ledger })];
}
