import { viewFor, type Audience, type Complaint, type ComplaintView } from '../../domain/complaint';
import type { Projection } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import { LAST_POSITION } from '../store/collectionSpec';
import type { RenderedDocument } from '../shared/renderedDocuments';
import { visibilityInputOf, type TrackedComplaint } from '../shared/trackedComplaint';

export const ATTACHMENT_READERS_PROJECTION = 'attachments';

/**
 * Who may read an attachment, per complaint that references it (`<attachmentId>/<complaintId>`).
 * Each audience's set is the attachments its own view of the complaint shows (domain viewFor),
 * so a file is served to exactly those who see it referenced in their read model: the public
 * only while the complaint is not confidential, an agency not another agency's internal notes.
 */
export const attachmentReadersCollection: CollectionSpec = {
  name: 'readers',
  fields: { attachmentId: 'string' },
  indexes: [{ equals: ['attachmentId'], orderBy: LAST_POSITION }],
};

export interface AttachmentReaders {
  readonly public: boolean;
  /** The reporter's account, when the complaint was filed signed in and the reporter's view shows the file. */
  readonly reporterAccountId: string | null;
  /**
   * The hash of the complaint's receipt access code, when the reporter's view shows the file: a
   * holder of that code reads it as the reporter does (read-api/attachments/attachmentAccess.ts).
   * Null without a receipt (filed by a gateway) or when the reporter's view does not show it.
   */
  readonly accessCodeHash: string | null;
  /** Agencies whose view shows it (their officers and those of their parent read it, as they read the agency's read model). */
  readonly agencyIds: readonly string[];
  readonly admin: boolean;
  readonly ombudsman: boolean;
}

/** The attachment lists a complaint and each case view of it share: its own, follow-ups' and messages'. */
type AttachmentLists = Pick<Complaint, 'attachments' | 'followUps' | 'reporterMessages'>;

const referencedIds = (lists: AttachmentLists): Set<string> =>
  new Set([...lists.attachments, ...lists.followUps.flatMap((f) => f.attachments), ...lists.reporterMessages.flatMap((m) => m.attachments)].map((ref) => ref.id));

const attachmentIdsIn = (view: ComplaintView): Set<string> => (view?.shape === 'case' ? referencedIds(view) : new Set());

function render(tracked: TrackedComplaint): RenderedDocument[] {
  const { complaint } = tracked;
  // Most complaints carry no file: every view's files come from the complaint's own lists, so skip the five views.
  if (referencedIds(complaint).size === 0) return [];
  const input = visibilityInputOf(tracked);
  const shownTo = (audience: Audience): Set<string> => attachmentIdsIn(viewFor(audience, input));
  const publicIds = shownTo({ kind: 'public' });
  // The access-code proof sees what the account proof sees (projections/reporter): one set serves both.
  const reporterIds = shownTo({ kind: 'reporter', proof: { by: 'access_code' } });
  const agencyIds = complaint.agenciesInvolved.map((agencyId) => [agencyId, shownTo({ kind: 'agency', agencyId })] as const);
  const adminIds = shownTo({ kind: 'admin' });
  const ombudsmanIds = shownTo({ kind: 'ombudsman' });
  const all = new Set([...publicIds, ...reporterIds, ...agencyIds.flatMap(([, ids]) => [...ids]), ...adminIds, ...ombudsmanIds]);
  return [...all].map((attachmentId) => {
    const body: AttachmentReaders = {
      public: publicIds.has(attachmentId),
      reporterAccountId: complaint.reporterAccountId !== undefined && reporterIds.has(attachmentId) ? complaint.reporterAccountId : null,
      accessCodeHash: complaint.accessCodeHash !== undefined && reporterIds.has(attachmentId) ? complaint.accessCodeHash : null,
      agencyIds: agencyIds.filter(([, ids]) => ids.has(attachmentId)).map(([agencyId]) => agencyId),
      admin: adminIds.has(attachmentId),
      ombudsman: ombudsmanIds.has(attachmentId),
    };
    return { collection: attachmentReadersCollection.name, id: `${attachmentId}/${complaint.complaintId}`, keys: { attachmentId }, body };
  });
}

export const attachmentReadersProjection: Projection = {
  name: ATTACHMENT_READERS_PROJECTION,
  // v2: the receipt's access-code hash beside the reporter's account. v3: no private copy of each complaint's state.
  version: 3,
  collections: [attachmentReadersCollection],
  render,
};
