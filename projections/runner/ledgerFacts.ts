import type { LedgerFacts, FactKind, ProjectedEvent } from '../projection';

const keyOf = (kind: FactKind<unknown>, event: ProjectedEvent): string => `${kind.name}@${event.position}`;

/**
 * The facts of one ledger batch (see LedgerFacts), shared by every projection that applies
 * it. A projection's facts are published only once its batch has committed: then the
 * documents it derived them from were its generation's state at its checkpoint (a writer
 * that loses the checkpoint to another writer commits nothing, and publishes nothing).
 */
export class SharedLedgerFacts {
  private readonly committed = new Map<string, unknown>();

  /** The facts one projection's batch reads (committed ones) and adds (published after its commit). */
  draft(): LedgerFacts & { publish(): void } {
    const pending = new Map<string, unknown>();
    return {
      get: <T>(kind: FactKind<T>, event: ProjectedEvent) => this.committed.get(keyOf(kind, event)) as T | undefined,
      set: <T>(kind: FactKind<T>, event: ProjectedEvent, value: T) => void pending.set(keyOf(kind, event), value),
      publish: () => {
        for (const [key, value] of pending) this.committed.set(key, value);
      },
    };
  }
}
