/**
 * A failure of the store, the ledger or the vault while handling an event: the batch is
 * abandoned and retried, never blamed on the event (which would then be skipped as poison).
 */
export class InfrastructureFailure extends Error {
  override readonly name = 'InfrastructureFailure';
  constructor(readonly failure: unknown) {
    super(`read-model infrastructure failed: ${failure instanceof Error ? failure.message : String(failure)}`, { cause: failure });
  }
}

/** `work` with its failures as InfrastructureFailure. */
export function guarded<A extends unknown[], R>(work: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await work(...args);
    } catch (error) {
      throw error instanceof InfrastructureFailure ? error : new InfrastructureFailure(error);
    }
  };
}
