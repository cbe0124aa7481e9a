import type { Projection } from '../projection';
import type { GenerationStatus } from '../store/generations';
import { catchUpTogether } from './catchUp';
import { ComplaintMemory } from './complaintMemory';
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
 * Keeps every projection's working generation at the head of the ledger. Projections share
 * each batch read from the ledger but fail alone: an error in one is logged and retried while the others
 * go on. A generation of a new code version is built beside the live one and promoted
 * once it has caught up.
 */
export class ProjectionRunner {
  private readonly errors = new Map<string, string>();
  /** Kept across passes: at the head, each pass starts where the last one ended. */
  private readonly complaintMemory = new ComplaintMemory();
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly dependencies: BatchDependencies,
    private readonly options: RunnerOptions,
  ) {}

  /** One pass: every projection to the head, reading the ledger once for all. Resolves with the number of events read. */
  async catchUp(): Promise<number> {
    const members: { projection: Projection; slot: GenerationStatus }[] = [];
    for (const projection of this.options.projections) {
      try {
        members.push({ projection, slot: await workingGeneration(this.dependencies.store, projection) });
      } catch (error) {
        this.failed(projection, error);
      }
    }
    const failed = new Set<string>();
    let read: Map<string, number>;
    try {
      read = await catchUpTogether(this.dependencies, members, {
        batchSize: this.options.batchSize ?? 500,
        complaintMemory: this.complaintMemory,
        shouldStop: () => this.stopping,
        onBatch: ({ slot, outcome }) => {
          for (const poison of outcome.poisoned) {
            this.options.log?.(`projection ${slot.projection}: ${poison.kind} event ${poison.eventType} at ${poison.position} (${poison.streamId}): ${poison.error}`);
          }
        },
        onFailure: ({ projection }, error) => {
          failed.add(projection.name);
          this.failed(projection, error);
        },
      });
    } catch (error) {
      // Reading the ledger failed: every projection waits for the next pass.
      for (const { projection } of members) this.failed(projection, error);
      return 0;
    }
    for (const { projection, slot } of members) {
      if (failed.has(projection.name)) continue;
      try {
        if (slot.state === 'building' && !this.stopping) {
          await promoteAndClean(this.dependencies.store, slot);
          this.options.log?.(`projection ${projection.name}: generation ${slot.generation} (v${projection.version}) is live`);
        }
        this.errors.delete(projection.name);
      } catch (error) {
        this.failed(projection, error);
      }
    }
    return [...read.values()].reduce((sum, n) => sum + n, 0);
  }

  private failed(projection: Projection, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.errors.set(projection.name, message);
    this.options.log?.(`projection ${projection.name} failed, will retry: ${message}`);
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
