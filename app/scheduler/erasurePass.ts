import { eraseReporter, type ReporterErasureDependencies } from '../../commands/reporter/eraseReporter';
import type { PendingErasures } from '../../commands/reporter/pendingErasures';

const BATCH = 100;

/**
 * Finishes reporter erasures under way: one whose request crashed mid-fan-out, and every
 * one still inside its settle window (complaints sealed just before the key was destroyed
 * may reach the ledger late). Each pass is eraseReporter again, idempotent by design.
 */
export async function runErasurePass(deps: ReporterErasureDependencies & { readonly pending: PendingErasures }): Promise<{ readonly completed: number; readonly pending: number }> {
  let completed = 0;
  let pending = 0;
  for (const erasure of await deps.pending.list(BATCH)) {
    const progress = await eraseReporter(deps, erasure.reporterId, erasure.requester);
    if (progress.completed) completed++;
    else pending++;
  }
  return { completed, pending };
}
