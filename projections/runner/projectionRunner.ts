import type { Projection } from '../projection';
import { catchUp } from './catchUp';
import { promoteAndClean, workingGeneration } from './generations';
import type { BatchDependencies } from './processBatch';

export interface RunnerOptions {
  readonly projections: readonly Projection[];
  readonly batchSize?: number;
  /** Pause between polls once every projection is at the head. */
  readonly idleMs?: number;
  readonly log?: (line: string) => void;
}

export interface ProjectionHealth {
  readonly projection: string;
  /** The last error of this projection's run, until a run succeeds again. */
  readonly lastError?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps every projection's working generation at the head of the ledger. Projections run
 * one after another but fail alone: an error in one is logged and retried while the others
 * go on. A generation of a new code version is built beside the live one and promoted
 * once it has caught up.
 */
export class ProjectionRunner {
  private readonly errors = new Map<string, string>();
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly dependencies: BatchDependencies,
    private readonly options: RunnerOptions,
  ) {}

  /** One pass: every projection to the head. Resolves with the number of events read. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (const projection of this.options.projections) {
      if (this.stopping) break;
      try {
        total += await this.catchUpOne(projection);
        this.errors.delete(projection.name);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.errors.set(projection.name, message);
        this.options.log?.(`projection ${projection.name} failed, will retry: ${message}`);
      }
    }
    return total;
  }

  private async catchUpOne(projection: Projection): Promise<number> {
    const generation = await workingGeneration(this.dependencies.store, projection);
    const read = await catchUp(this.dependencies, projection, generation, {
      batchSize: this.options.batchSize ?? 500,
      shouldStop: () => this.stopping,
      onBatch: ({ outcome }) => {
        for (const poison of outcome.poisoned) {
          this.options.log?.(`projection ${projection.name}: ${poison.kind} event ${poison.eventType} at ${poison.position} (${poison.streamId}): ${poison.error}`);
        }
      },
    });
    if (generation.state === 'building' && !this.stopping) {
      await promoteAndClean(this.dependencies.store, generation);
      this.options.log?.(`projection ${projection.name}: generation ${generation.generation} (v${projection.version}) is live`);
    }
    return read;
  }

  /** Runs in the background until stop(). */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = (async () => {
      while (!this.stopping) {
        const read = await this.catchUp();
        if (read === 0 && !this.stopping) await sleep(this.options.idleMs ?? 250);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = undefined;
  }

  health(): ProjectionHealth[] {
    return this.options.projections.map((p) => {
      const lastError = this.errors.get(p.name);
      return lastError === undefined ? { projection: p.name } : { projection: p.name, lastError };
    });
  }
}
