/** Lets appenders (or a LISTEN/NOTIFY message) wake waiting subscribers before their next poll. */
export class WakeSignal {
  private waiters = new Set<(woken: boolean) => void>();

  /**
   * Resolves on the next wake() (true), or after `timeoutMs` or when `abort` fires (false),
   * whichever comes first; no timer outlives it.
   */
  wait(timeoutMs: number, abort?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (woken: boolean): void => {
        clearTimeout(timer);
        abort?.removeEventListener('abort', aborted);
        this.waiters.delete(done);
        resolve(woken);
      };
      const aborted = (): void => done(false);
      const timer = setTimeout(aborted, timeoutMs);
      this.waiters.add(done);
      if (abort?.aborted) aborted();
      else abort?.addEventListener('abort', aborted);
    });
  }

  wake(): void {
    for (const waiter of [...this.waiters]) waiter(true);
  }
}
