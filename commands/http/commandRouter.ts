import { Router } from 'express';
import { postRoute, type PostRouteDependencies } from '../../app/http/postRoute';
import type { AgencyDirectory } from '../../domain/complaint';
import type { AccessCodes } from '../accessCodeHash';
import type { HandleCommand } from '../handleCommand';
import type { PersonalDataSealer } from '../intake/submitComplaint';
import { complaintActionRoute } from './complaintActionRoute';
import type { PersonalDataEraser } from './complaintActions';
import type { ReporterErasureDependencies } from '../reporter/eraseReporter';
import { eraseReporterRoute } from './eraseReporterRoute';
import { submitComplaintRoute } from './submitComplaintRoute';

export interface CommandRouterDependencies extends PostRouteDependencies {
  readonly handle: HandleCommand;
  readonly vault: PersonalDataSealer & PersonalDataEraser;
  readonly agencies: AgencyDirectory;
  readonly accessCodes: Pick<AccessCodes, 'hash'>;
  readonly reporterErasure: ReporterErasureDependencies;
}

/** The write side over HTTP: intake, one route per action, reporter erasure. */
export function commandRouter(deps: CommandRouterDependencies): Router {
  const router = Router();
  router.post('/api/complaints', postRoute(deps, submitComplaintRoute(deps)));
  router.post('/api/complaints/:id/:action', postRoute(deps, complaintActionRoute(deps)));
  router.post('/api/reporters/:id/erase', postRoute(deps, eraseReporterRoute(deps.reporterErasure)));
  return router;
}
