import { complaintEventRegistry } from '../../../domain/complaint';
import { bulkImport, type ImportStream } from '../../../eventstore/postgres/bulkImport';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import type { GeneratorOptionsInput } from './generatorOptions';
import { generateSyntheticLedger, type VaultKeyToCreate } from './syntheticLedger';
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
  /** Complaints per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: WriteProgress) => void;
  /** Called with the first refusals (a generator bug): they are counted, not fatal. */
  readonly onRefusal?: (refusal: string) => void;
}

interface Batch {
  readonly streams: ImportStream[];
  readonly keys: VaultKeyToCreate[];
}

/**
 * Generates and writes a synthetic ledger in batches, one transaction each (its vault keys
 * first). While one batch is being written the next is generated: at most two batches are
 * in memory, whatever the ledger's size.
 */
export async function writeSyntheticLedger(options: GeneratorOptionsInput, settings: WriteSettings): Promise<WriteProgress> {
  const batchSize = settings.batchSize ?? 500;
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
    complaints += batch.streams.length;
    settings.onProgress?.(progress());
  };

  let writing: Promise<void> = Promise.resolve();
  let batch: Batch = { streams: [], keys: [] };
  for (const complaint of generateSyntheticLedger(options)) {
    if (complaint.refusal !== undefined && refusals++ < 10) settings.onRefusal?.(complaint.refusal);
    batch.streams.push({ streamId: complaint.streamId, events: complaint.events });
    if (complaint.newVaultKey) batch.keys.push(complaint.newVaultKey);
    if (batch.streams.length < batchSize) continue;
    await writing;
    writing = write(batch);
    batch = { streams: [], keys: [] };
  }
  await writing;
  if (batch.streams.length > 0) await write(batch);
  return progress();
}
