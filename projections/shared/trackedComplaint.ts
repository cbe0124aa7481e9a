import { z } from 'zod';
import { evolve, type Complaint, type ComplaintEvent, type VisibilityInput } from '../../domain/complaint';
import type { OpenedPersonalData, SealedPersonalData } from '../../domain/personalData';
import type { ProjectedEvent, ProjectionContext } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import type { DocumentChange, DocumentRef } from '../store/documents';
import { jsonCopy } from './jsonValues';

/** What each projection remembers of a complaint, privately: the domain state plus what it needs besides. */
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

/** The private collection each projection keeps its complaints' state in. */
export const complaintStateCollection: CollectionSpec = { name: 'complaint_state', fields: {}, indexes: [] };

export const complaintStateRef = (complaintId: string): DocumentRef => ({ collection: complaintStateCollection.name, id: complaintId });

/**
 * Our own documents, written by this projection version only (a new shape is a new
 * generation), so a light check suffices: enough to catch a document of another shape.
 */
const TrackedShape = z.object({
  complaint: z.looseObject({ exists: z.literal(true), complaintId: z.string() }),
  reporter: z.union([z.null(), z.object({ erased: z.literal(true) }), z.object({ erased: z.literal(false), data: z.looseObject({}) })]),
  ownedSince: z.string(),
});

/** States this process wrote (a batch reads them back from memory): checked when they were made, not again. */
const ownStates = new WeakSet<object>();

const trackedOf = (body: unknown): TrackedComplaint =>
  typeof body === 'object' && body !== null && ownStates.has(body) ? (body as TrackedComplaint) : (TrackedShape.parse(body) as unknown as TrackedComplaint);

export const visibilityInputOf = (tracked: TrackedComplaint): VisibilityInput => ({
  complaint: tracked.complaint,
  reporter: tracked.reporter ?? undefined,
});

/** The envelope an event brings the reporter's personal data in: only a submission does. */
export const sealedReporterOf = (event: ComplaintEvent): SealedPersonalData | undefined =>
  event.type === 'ComplaintSubmitted' ? event.data.reporter : undefined;

async function reporterAfter(event: ProjectedEvent, before: TrackedComplaint | undefined, context: ProjectionContext): Promise<OpenedPersonalData | null> {
  const { event: e } = event;
  if (e.type === 'ReporterDataErased') return { erased: true };
  if (before) return before.reporter;
  const sealed = sealedReporterOf(e);
  return sealed ? context.openPersonalData(sealed) : null;
}

const sameOwner = (a: Complaint['owner'], b: Complaint['owner']): boolean =>
  a.kind === b.kind && (a.kind === 'admin_queue' || (b.kind === 'agency' && a.agencyId === b.agencyId && a.unitId === b.unitId));

/**
 * Folds the event into the complaint's tracked state with the domain's own evolve.
 * Undefined when the event leaves no complaint (nothing submitted in the stream).
 */
export async function trackComplaint(
  event: ProjectedEvent,
  context: ProjectionContext,
): Promise<{ transition: ComplaintTransition; change: DocumentChange } | undefined> {
  const ref = complaintStateRef(event.complaintId);
  const stored = await context.document(ref);
  const before = stored === undefined ? undefined : trackedOf(stored.body);
  const state = evolve(before?.complaint ?? { exists: false }, event.event);
  if (!state.exists) return undefined;
  const after: TrackedComplaint = {
    complaint: state,
    reporter: await reporterAfter(event, before, context),
    ownedSince: before && sameOwner(before.complaint.owner, state.owner) ? before.ownedSince : state.updatedAt,
  };
  // As JSON: the stored form has no undefined-valued keys (evolve writes some), so the
  // state read back later equals the state written now.
  const body = jsonCopy(after) as TrackedComplaint;
  ownStates.add(body);
  return { transition: { before, after }, change: { kind: 'put', ...ref, keys: {}, body } };
}
