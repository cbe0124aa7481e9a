import { complaintEventRegistry } from '../../../domain/complaint';
import { bulkImport } from '../../../eventstore/postgres/bulkImport';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import type { GeneratorOptionsInput } from './generatorOptions';
import type { NewEvent } from '../../../eventstore/port';
import { generateSyntheticLedger, type VaultKeyToCreate } from './syntheticLedger';
import { TimeOrder, type OrderedEvent } from './timeOrder';
import { storeSyntheticVaultKeys } from './syntheticVaultKeys';

export interface WriteProgress {
  readonly complaints: number;
  readonly events: number;
  readonly refusals: number;
  readonly seconds: number;
  readonly complaintsPerSecond: number;
}

export interface WriteSettings {
  readonly client: SqlClient;
  /** Schema of a migrated ledger and vault. */
  readonly schema: string;
  /** Wraps the synthetic reporters' data keys; unused when personal data is off. */
  readonly masterKey: Buffer;
  /** Events per transaction (default 3,000). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: WriteProgress) => void;
  /** Called with the first refusals (a generator bug): they are counted, not fatal. */
  readonly onRefusal?: (refusal: string) => void;
}

interface Batch {
  /** Slices of streams in ledger order: a stream comes back as often as other streams' events come between. */
  readonly streams: { readonly streamId: string; readonly events: NewEvent[] }[];
  readonly keys: VaultKeyToCreate[];
  events: number;
  complaints: number;
}

const emptyBatch = (): Batch => ({ streams: [], keys: [], events: 0, complaints: 0 });

/** Adds an event to the batch: to the last stream's slice if it is the same stream, else as a new slice. */
function addTo(batch: Batch, { streamId, event, submission, newVaultKey }: OrderedEvent): void {
  const last = batch.streams.at(-1);
  if (last?.streamId === streamId) last.events.push(event);
  else batch.streams.push({ streamId, events: [event] });
  if (newVaultKey) batch.keys.push(newVaultKey);
  batch.events += 1;
  if (submission) batch.complaints += 1;
}

/**
 * Generates and writes a synthetic ledger in batches, one transaction each (its vault keys
 * first), in the order a live ledger has its events: by when they happened, the complaints'
 * streams interleaved (TimeOrder). While one batch is being written the next is generated:
 * memory holds two batches and the events of the complaints still open, whatever the ledger's size.
 */
export async function writeSyntheticLedger(options: GeneratorOptionsInput, settings: WriteSettings): Promise<WriteProgress> {
  const batchSize = settings.batchSize ?? 3000;
  const started = Date.now();
  let complaints = 0;
  let events = 0;
  let refusals = 0;
  const progress = (): WriteProgress => {
    const seconds = (Date.now() - started) / 1000;
    return { complaints, events, refusals, seconds, complaintsPerSecond: complaints / Math.max(seconds, 0.001) };
  };
  const write = async (batch: Batch): Promise<void> => {
    events += await bulkImport(
      { client: settings.client, schema: settings.schema, registry: complaintEventRegistry, beforeEvents: (tx) => storeSyntheticVaultKeys(tx, settings.schema, settings.masterKey, batch.keys) },
      batch.streams,
    );
    complaints += batch.complaints;
    settings.onProgress?.(progress());
  };

  let writing: Promise<void> = Promise.resolve();
  let batch = emptyBatch();
  const take = async (ordered: Iterable<OrderedEvent>): Promise<void> => {
    for (const event of ordered) {
      addTo(batch, event);
      if (batch.events < batchSize) continue;
      await writing;
      writing = write(batch);
      batch = emptyBatch();
    }
  };
  const order = new TimeOrder();
  for (const complaint of generateSyntheticLedger(options)) {
    if (complaint.refusal !== undefined && refusals++ < 10) settings.onRefusal?.(complaint.refusal);
    await take(order.add(complaint));
  }
  await take(order.drain());
  await writing;
  if (batch.events > 0) await write(batch);
  return progress();
}
