import { rebuild, type Complaint, type ComplaintEvent } from '../../domain/complaint';
import type { OpenedPersonalData } from '../../domain/personalData';
import type { EventStore, RecordedEvent } from '../../eventstore/port';
import type { PersonalDataOpener } from '../../projections/projection';

/** Each complaint as the ledger says it is now: every event, folded with the domain's rebuild. */
export interface LedgerComplaint {
  readonly complaint: Complaint;
  readonly events: readonly RecordedEvent[];
  readonly reporter: OpenedPersonalData | undefined;
}

export async function readWholeLedger(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: all.at(-1)?.globalPosition, maxCount: 1000 });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

export async function ledgerComplaints(store: EventStore, vault: PersonalDataOpener): Promise<LedgerComplaint[]> {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of await readWholeLedger(store)) {
    if (!event.streamId.startsWith('complaint-')) continue;
    byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
  }
  const complaints: LedgerComplaint[] = [];
  for (const events of byStream.values()) {
    const state = rebuild(events.map((e) => ({ type: e.type, data: e.data }) as ComplaintEvent));
    if (!state.exists) continue;
    // Erasure is a fact of the ledger; the vault agrees once the key is gone.
    const reporter = state.reporter === undefined ? undefined : state.reporterDataErased ? ({ erased: true } as const) : await vault.open(state.reporter);
    complaints.push({ complaint: state, events, reporter });
  }
  return complaints;
}

/** What a document body looks like once stored: JSON, no undefined-valued keys. */
export const asStored = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
