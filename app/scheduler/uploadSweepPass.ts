import type { AttachmentStore } from '../../commands/attachments/store/attachmentStore';
import type { AttachmentUploads } from '../../commands/attachments/store/attachmentUploads';

const BATCH = 100;

export interface UploadSweepDependencies {
  readonly uploads: Pick<AttachmentUploads, 'staleBefore' | 'deleteIfStale' | 'forget'>;
  readonly store: Pick<AttachmentStore, 'delete'>;
  /** Whether a complaint references the file (projections/attachments/attachmentReferenced.ts). */
  readonly isReferenced: (attachmentId: string) => Promise<boolean>;
  /** How long an upload may wait for a reference (ATTACHMENT_UPLOAD_GRACE_HOURS). */
  readonly graceMs: number;
  readonly clock: () => Date;
}

export interface UploadSweepReport {
  readonly deleted: number;
  /** Files found referenced: no longer the sweep's to watch. */
  readonly kept: number;
}

/**
 * Deletes uploads no complaint referenced within the grace period. Uploads and the
 * command-side reference check touch a file's record (commands/attachments/store/attachmentUploads.ts);
 * a file untouched past the grace is asked about in the attachments read model, and deleted
 * only under its record's lock while still untouched. A reference arriving meanwhile either
 * touched it first (skipped) or waits for the deletion and is refused as "not uploaded", so no
 * event ever names a deleted file. Two schedulers share the work (SKIP LOCKED); a file already
 * deleted deletes again as nothing.
 */
export async function runUploadSweepPass(deps: UploadSweepDependencies): Promise<UploadSweepReport> {
  const cutoff = new Date(deps.clock().getTime() - deps.graceMs);
  let deleted = 0;
  let kept = 0;
  for (const attachmentId of await deps.uploads.staleBefore(cutoff, BATCH)) {
    if (await deps.isReferenced(attachmentId)) {
      await deps.uploads.forget(attachmentId);
      kept++;
    } else if (await deps.uploads.deleteIfStale(attachmentId, cutoff, () => deps.store.delete(attachmentId))) {
      deleted++;
    }
  }
  return { deleted, kept };
}
