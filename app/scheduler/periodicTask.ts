import type { Logger } from '../logger';

export interface PeriodicTask {
  /** Waits for a run in flight to finish; no run starts after. */
  stop(): Promise<void>;
}

/**
 * Runs `work` every `intervalMs`, timed from the end of the previous run, so runs never
 * overlap within a process. A failed run is logged; the next one tries again.
 */
export function startPeriodicTask(name: string, intervalMs: number, logger: Logger, work: () => Promise<void>): PeriodicTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const run = async (): Promise<void> => {
    try {
      await work();
    } catch (error) {
      logger.error({ component: name, err: error }, `${name} failed; the next run tries again`);
    }
  };
  const next = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = run().then(next);
    }, intervalMs);
  };
  next();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
