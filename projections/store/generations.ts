import type { GlobalPosition } from '../../eventstore/port';

/**
 * A projection's documents live in generations: readers see the live one while a rebuild
 * fills a new one beside it; promoting the new one switches readers over atomically.
 */
export type GenerationState = 'building' | 'live' | 'retired';

export interface ProjectionSlot {
  readonly projection: string;
  readonly generation: number;
}

export interface GenerationStatus extends ProjectionSlot {
  /** The projection code version that fills it. */
  readonly version: number;
  readonly state: GenerationState;
  readonly checkpoint: GlobalPosition;
  /**
   * Set while a rebuild reads the ledger stream by stream: the generation then holds every
   * event up to this head of the streams whose first event is at or before `checkpoint`, and
   * nothing else. Once the checkpoint reaches it, the generation holds the ledger up to it.
   */
  readonly streamwiseHead?: GlobalPosition;
}

/** Another writer moved the checkpoint (or the generation was retired): the batch is void. */
export class CheckpointMoved extends Error {
  override readonly name = 'CheckpointMoved';
  constructor(slot: ProjectionSlot) {
    super(`${slot.projection} generation ${slot.generation}: the checkpoint moved or the generation is no longer active`);
  }
}
