import type { ComplaintStatus } from '../../domain/complaint';
import type { TrackingId } from '../../domain/trackingId';

/** A complaint's status by tracking id, from the public read model (which holds status only for a confidential one). */
export type ComplaintStatusLookup = (trackingId: TrackingId) => Promise<ComplaintStatus | undefined>;
