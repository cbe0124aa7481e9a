import type { EventStore } from '../eventstore/port';
import type { ReadModelReader } from '../projections/store/readModelReader';
import { attachmentReferencedInReadModel } from '../projections/attachments/attachmentReferenced';
import type { AttachmentSide } from './attachments';
import type { CommandSide } from './commandSide';
import type { Config } from './config';
import { purgeExpiredRecords } from './http/idempotency/expiredRecords';
import type { Logger } from './logger';
import { oversightDueCandidates } from './scheduler/oversightDueCandidates';
import { startPeriodicTask, type PeriodicTask } from './scheduler/periodicTask';
import { runErasurePass } from './scheduler/erasurePass';
import { runSchedulerPass } from './scheduler/schedulerPass';
import { runUploadSweepPass } from './scheduler/uploadSweepPass';

const PURGE_INTERVAL_MS = 10 * 60 * 1000;

/** The scheduler of automatic actions (and erasures, the upload sweep) and the purge of expired records; stop() waits for a run in flight. */
export function startBackgroundTasks(parts: {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: EventStore;
  readonly reader: ReadModelReader;
  readonly commandSide: CommandSide;
  readonly attachments: Pick<AttachmentSide, 'store' | 'uploads'>;
}): PeriodicTask {
  const { config, logger, commandSide } = parts;
  const clock = () => new Date();
  const tasks = [
    startPeriodicTask('purge', PURGE_INTERVAL_MS, logger, async () => {
      const purged = await purgeExpiredRecords({
        idempotency: commandSide.idempotency,
        ...(commandSide.rateLimits ? { rateLimits: commandSide.rateLimits } : {}),
        retentionMs: config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000,
        clock,
      });
      const signInCodes = (await commandSide.signInCodes?.purgeExpired(clock())) ?? 0;
      // Settled replies live as long as idempotency records: a message redelivered later is answered again.
      const replies = (await commandSide.replies?.outbox.purgeSettled(new Date(clock().getTime() - config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000))) ?? 0;
      logger.info({ component: 'purge', ...purged, signInCodes, replies }, 'expired records purged');
    }),
  ];
  const replies = commandSide.replies;
  if (replies && config.REPLY_DISPATCH_INTERVAL_SECONDS > 0) {
    tasks.push(
      startPeriodicTask('reply-dispatcher', config.REPLY_DISPATCH_INTERVAL_SECONDS * 1000, logger, async () => {
        const report = await replies.dispatcher.dispatchDue();
        if (report.sent + report.retrying + report.failed > 0) logger.info({ component: 'reply-outbox', ...report }, 'queued replies dispatched');
      }),
    );
  }
  if (config.SCHEDULER_INTERVAL_SECONDS > 0) {
    const scheduler = { store: parts.store, handle: commandSide.handle, candidates: oversightDueCandidates(parts.reader), clock };
    const uploadSweep = { ...parts.attachments, isReferenced: attachmentReferencedInReadModel(parts.reader), graceMs: config.ATTACHMENT_UPLOAD_GRACE_HOURS * 3_600_000, clock };
    tasks.push(
      startPeriodicTask('scheduler', config.SCHEDULER_INTERVAL_SECONDS * 1000, logger, async () => {
        const report = await runSchedulerPass(scheduler);
        if (report.issued + report.notApplied > 0) logger.info({ component: 'scheduler', ...report }, 'scheduled actions issued');
        const erasures = await runErasurePass(commandSide.reporterErasure);
        if (erasures.completed + erasures.pending > 0) logger.info({ component: 'scheduler', erasures }, 'reporter erasures advanced');
        const uploads = await runUploadSweepPass(uploadSweep);
        if (uploads.deleted + uploads.kept > 0) logger.info({ component: 'scheduler', uploads }, 'unreferenced uploads swept');
      }),
    );
  }
  return { stop: async () => void (await Promise.all(tasks.map((task) => task.stop()))) };
}
