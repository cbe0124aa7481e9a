import type { GlobalPosition } from '../../eventstore/port';

/**
 * An event a projection could not apply. The first one of a stream poisons it; later
 * events of that stream are parked (recorded too), since the stream's state would be
 * wrong from there on. Other streams, and other projections, carry on.
 */
export interface PoisonRecord {
  readonly position: GlobalPosition;
  readonly streamId: string;
  readonly eventType: string;
  readonly kind: 'poisoned' | 'parked';
  readonly error: string;
}
