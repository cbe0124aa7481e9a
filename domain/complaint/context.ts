import type { WorkingDayCalendar } from '../calendar';
import type { TimeLimits } from '../timeLimits';
import type { ActorRole } from './values';

export interface DecisionActor {
  readonly id: string;
  readonly role: ActorRole;
  /** The officer's own agency (which may be a unit of a bigger one). */
  readonly agencyId?: string;
}

/** What the agency registry answers for decide; the registry itself lives in domain/routing. */
export interface AgencyDirectory {
  parentOf(agencyId: string): string | undefined;
  exists(agencyId: string): boolean;
}

/**
 * A citizen acting by a complaint's receipt rather than an account: the command side checked
 * the access code they typed against this hash (it holds the pepper; decide does no crypto).
 * The proof counts only for the complaint whose hash it names, and says nothing of who they are.
 */
export interface ReceiptProof {
  readonly accessCodeHash: string;
}

/** Everything decide knows about the world besides the complaint: time comes in here, never from a clock. */
export interface DecisionContext {
  readonly actor: DecisionActor;
  /** ISO instant with offset. */
  readonly now: string;
  readonly agencies: AgencyDirectory;
  readonly limits: TimeLimits;
  readonly calendar: WorkingDayCalendar;
  /** Present when the actor showed a receipt's access code. */
  readonly receipt?: ReceiptProof;
}
