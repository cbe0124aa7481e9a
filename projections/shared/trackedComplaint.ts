import { evolve, type Complaint, type ComplaintEvent, type VisibilityInput } from '../../domain/complaint';
import type { OpenedPersonalData, SealedPersonalData } from '../../domain/personalData';

/**
 * What the projections know of a complaint as of one event: the domain state plus what they
 * need besides. Folded from the complaint's stream in the ledger (ComplaintTimeline), shared
 * by every projection, never stored: the read stores hold only what their audiences see.
 */
export interface TrackedComplaint {
  readonly complaint: Complaint;
  /** Opened once, at submission, through the vault; null when the report carries none. */
  readonly reporter: OpenedPersonalData | null;
  /** When the current owner took the complaint: the domain state does not date ownership. */
  readonly ownedSince: string;
}

export interface ComplaintTransition {
  readonly before: TrackedComplaint | undefined;
  readonly after: TrackedComplaint;
}

export const visibilityInputOf = (tracked: TrackedComplaint): VisibilityInput => ({
  complaint: tracked.complaint,
  reporter: tracked.reporter ?? undefined,
});

/** The envelope an event brings the reporter's personal data in: only a submission does. */
export const sealedReporterOf = (event: ComplaintEvent): SealedPersonalData | undefined =>
  event.type === 'ComplaintSubmitted' ? event.data.reporter : undefined;

export type PersonalDataOpening = (sealed: SealedPersonalData) => Promise<OpenedPersonalData>;

async function reporterAfter(event: ComplaintEvent, before: TrackedComplaint | undefined, open: PersonalDataOpening): Promise<OpenedPersonalData | null> {
  if (event.type === 'ReporterDataErased') return { erased: true };
  if (before) return before.reporter;
  const sealed = sealedReporterOf(event);
  return sealed ? open(sealed) : null;
}

const sameOwner = (a: Complaint['owner'], b: Complaint['owner']): boolean =>
  a.kind === b.kind && (a.kind === 'admin_queue' || (b.kind === 'agency' && a.agencyId === b.agencyId && a.unitId === b.unitId));

/**
 * Folds one event into the complaint's tracked state with the domain's own evolve.
 * Undefined when the event leaves no complaint (nothing submitted in the stream).
 */
export async function foldComplaint(before: TrackedComplaint | undefined, event: ComplaintEvent, open: PersonalDataOpening): Promise<ComplaintTransition | undefined> {
  const state = evolve(before?.complaint ?? { exists: false }, event);
  if (!state.exists) return undefined;
  const after: TrackedComplaint = {
    complaint: state,
    reporter: await reporterAfter(event, before, open),
    ownedSince: before && sameOwner(before.complaint.owner, state.owner) ? before.ownedSince : state.updatedAt,
  };
  return { before, after };
}
