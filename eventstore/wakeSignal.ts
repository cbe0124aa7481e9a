/** Lets appenders (or a LISTEN/NOTIFY message) wake waiting subscribers before their next poll. */
export class WakeSignal {
  private waiters = new Set<() => void>();

  /** Resolves on the next wake() or after `timeoutMs`, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
