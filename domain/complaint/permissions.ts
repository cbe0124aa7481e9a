import type { ComplaintCommandType } from './commands';
import type { DecisionContext } from './context';
import { forbidden, type DomainError } from './errors';
import type { Complaint } from './state';
import type { ActorRole } from './values';

/**
 * How a role may issue a command:
 * - 'any': every actor of the role;
 * - 'own_reporter': only the reporter whose account submitted the complaint;
 * - 'owning_agency': only an officer of the owning agency, of the unit it was delegated
 *   to, or of the owning agency's parent (the supervising agency);
 * - 'receipt_holder': only a caller who showed this complaint's receipt access code
 *   (`context.receipt`), so a reporter without an account can act on their own complaint.
 * A role missing from a row may not issue that command at all.
 */
export type Access = 'any' | 'own_reporter' | 'owning_agency' | 'receipt_holder';

const ADMIN: Partial<Record<ActorRole, Access>> = { admin: 'any' };
const AGENCY: Partial<Record<ActorRole, Access>> = { agency_officer: 'owning_agency' };
// A citizen without a token (the public role) acts by the receipt: the ledger records no identity.
const REPORTER: Partial<Record<ActorRole, Access>> = { reporter: 'own_reporter', public: 'receipt_holder' };
const SCHEDULER: Partial<Record<ActorRole, Access>> = { system: 'any' };

export const permissionTable: Readonly<Record<ComplaintCommandType, Partial<Record<ActorRole, Access>>>> = {
  SubmitComplaint: { public: 'any', reporter: 'any', channel_gateway: 'any' },
  DisposeComplaint: ADMIN,
  RejectComplaint: ADMIN,
  HoldComplaint: ADMIN,
  RequestInformation: ADMIN,
  MergeDuplicate: ADMIN,
  RedactPublicText: ADMIN,
  AcceptAssignment: AGENCY,
  DeclineAssignment: AGENCY,
  DelegateToUnit: AGENCY,
  PostFollowUp: AGENCY,
  ResolveComplaint: AGENCY,
  ReplyToFollowUp: REPORTER,
  SupplementInformation: REPORTER,
  RateOutcome: REPORTER,
  ReopenComplaint: REPORTER,
  RecordOversightFinding: { ombudsman: 'any' },
  // Any citizen with an account; supporting one's own complaint is refused as a conflict.
  SupportComplaint: { reporter: 'any' },
  // Protection may be tightened by the reporter, and by the admin on their behalf.
  MakeConfidential: { reporter: 'own_reporter', admin: 'any' },
  EraseReporterData: { reporter: 'own_reporter', admin: 'any' },
  EscalateComplaint: SCHEDULER,
  AutoCloseComplaint: SCHEDULER,
};

/** The first gate: may this role issue this command at all (a receipt holder: with a receipt)? Needs no complaint. */
export function checkRole(type: ComplaintCommandType, context: DecisionContext): DomainError | undefined {
  const access = permissionTable[type][context.actor.role];
  if (access === 'receipt_holder' && context.receipt === undefined) {
    return forbidden('role_not_permitted', `a ${context.actor.role} may not ${type} without the complaint's access code`);
  }
  if (access !== undefined) return undefined;
  return forbidden('role_not_permitted', `a ${context.actor.role} may not ${type}`);
}

/** Whether the receipt shown is this complaint's: a complaint filed without one (a gateway's) has no holder. */
const holdsReceiptOf = (complaint: Complaint, context: DecisionContext): boolean =>
  complaint.accessCodeHash !== undefined && context.receipt?.accessCodeHash === complaint.accessCodeHash;

/** Whether the actor's agency owns the complaint, holds it as a unit, or supervises the owner. */
export function actsForOwningAgency(complaint: Complaint, context: DecisionContext): boolean {
  const { agencyId } = context.actor;
  if (agencyId === undefined || complaint.owner.kind !== 'agency') return false;
  const { owner } = complaint;
  return agencyId === owner.agencyId || agencyId === owner.unitId || agencyId === context.agencies.parentOf(owner.agencyId);
}

/** The second gate: the actor's relation to this complaint, where the table asks for one. */
export function checkRelation(type: ComplaintCommandType, complaint: Complaint, context: DecisionContext): DomainError | undefined {
  const access = permissionTable[type][context.actor.role];
  if (access === 'own_reporter' && complaint.reporterAccountId !== context.actor.id) {
    return forbidden('not_the_reporter', 'only the reporter who submitted this complaint may do this');
  }
  if (access === 'receipt_holder' && !holdsReceiptOf(complaint, context)) {
    return forbidden('not_the_reporter', "the access code shown is not this complaint's");
  }
  if (access === 'owning_agency' && !actsForOwningAgency(complaint, context)) {
    return forbidden('not_the_owning_agency', 'only the agency that owns this complaint (or its unit or parent agency) may do this');
  }
  return undefined;
}
