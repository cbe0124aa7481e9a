import type { CaseView, ComplaintStatus } from '../domain/complaint';
import { categoryNames, ComplaintCategory, type AgencyRegistry } from '../domain/routing';
import { w3cJakarta } from './w3cDateTime';

export type Open311Status = 'open' | 'closed';

/**
 * Closed once the agency has resolved it (the reporter may still rate it) or it was closed
 * (rejected, merged, auto-closed); every other status has an accountable owner still at work.
 */
const CLOSED_STATUSES: ReadonlySet<ComplaintStatus> = new Set<ComplaintStatus>(['resolved', 'closed']);

export const open311StatusOf = (status: ComplaintStatus): Open311Status => (CLOSED_STATUSES.has(status) ? 'closed' : 'open');

/** Our statuses behind each Open311 status, for the list filter. */
export const statusesOf = (status: Open311Status, all: readonly ComplaintStatus[]): ComplaintStatus[] => all.filter((s) => open311StatusOf(s) === status);

/** Who is accountable now, as the SP4N admin queue or the agency's registered name. */
export const ADMIN_QUEUE_NAME = 'Admin SP4N-LAPOR! (verifikasi)';

/**
 * A GeoReport v2 service request from the PUBLIC view of a complaint (never another
 * audience's): it carries no reporter name and no contact field, because the spec's
 * request has none; the text is the public (redacted) text.
 */
export function open311Request(view: CaseView, agencies: AgencyRegistry) {
  const status = open311StatusOf(view.status);
  const category = ComplaintCategory.safeParse(view.category);
  const latestFollowUp = view.followUps.at(-1);
  return {
    service_request_id: view.trackingId,
    status,
    status_notes: view.resolution?.summary ?? latestFollowUp?.text ?? null,
    service_name: category.success ? categoryNames[category.data].id : view.category,
    service_code: view.category,
    description: view.chronology,
    agency_responsible: view.owner.kind === 'agency' ? (agencies.get(view.owner.agencyId)?.name ?? view.owner.agencyId) : ADMIN_QUEUE_NAME,
    service_notice: null,
    requested_datetime: w3cJakarta(view.submittedAt),
    updated_datetime: w3cJakarta(view.updatedAt),
    // The working-day deadline the domain stored when it decided the last step; none once closed.
    expected_datetime: status === 'open' && view.deadline !== undefined ? w3cJakarta(view.deadline.dueAt) : null,
    address: view.location?.description ?? null,
    address_id: view.regionCode,
    zipcode: null,
    lat: view.location?.coordinates?.latitude ?? null,
    long: view.location?.coordinates?.longitude ?? null,
    media_url: null,
  };
}
export type Open311Request = ReturnType<typeof open311Request>;
