import { randomUUID } from 'node:crypto';
import { reporterComplaintIds } from '../../../commands/reporter/reporterComplaintIds';
import { START, type EventStore, type GlobalPosition, type ReadAllOptions } from '../../../eventstore/port';
import { collectionCatalog } from '../../../projections/catalog';
import { reporterProjection } from '../../../projections/reporter/reporterProjection';
import { ProjectionRunner } from '../../../projections/runner/projectionRunner';
import { PostgresReadModelStore } from '../../../projections/store/postgres/postgresReadModelStore';
import { untilStreamVisible } from '../../eventstore/postgres/ledgerVisibility';
import { apiClient, apiHarnessForFile } from '../http/apiHarness';

const { harness, sql, schema } = apiHarnessForFile('reporter_ids');

let readModel: PostgresReadModelStore;
let runner: ProjectionRunner;

beforeAll(async () => {
  readModel = await PostgresReadModelStore.open({ client: sql(), schema, catalog: collectionCatalog });
  runner = new ProjectionRunner({ events: harness().store, store: readModel, personalData: harness().vault }, { projections: [reporterProjection] });
});

afterAll(async () => {
  await runner.stop();
});

/** The ledger, noting where each scan of it starts. */
function watchedLedger(scansFrom: (GlobalPosition | undefined)[]): EventStore {
  return new Proxy(harness().store, {
    get(target, property, receiver) {
      if (property !== 'readAll') return Reflect.get(target, property, receiver);
      return (options?: ReadAllOptions) => {
        scansFrom.push(options?.after);
        return target.readAll(options);
      };
    },
  });
}

describe('PostgreSQL: finding the complaints of a reporter', () => {
  test('a complaint the read model has not reached yet is found in the ledger after its checkpoint; the ledger before it is not scanned', async () => {
    const api = apiClient(harness());
    const reporter = `acct-${randomUUID()}`;
    const projected = await api.file(reporter);
    const other = await api.file(`acct-${randomUUID()}`);
    // The gap-safe ledger read holds rows back while another file's transaction is open.
    await untilStreamVisible(harness().store, `complaint-${other}`);
    await runner.catchUp();
    const justFiled = await api.file(reporter);
    await untilStreamVisible(harness().store, `complaint-${justFiled}`);

    const scansFrom: (GlobalPosition | undefined)[] = [];
    const ids = await reporterComplaintIds({ ledger: watchedLedger(scansFrom), readModel })(reporter);
    expect([...ids].sort()).toEqual([projected, justFiled].sort());
    expect(scansFrom[0]).not.toBe(START);
    expect(scansFrom[0]).toBe((await readModel.generations('reporter')).find((generation) => generation.state === 'live')!.checkpoint);
  });

  test('without a read model the whole ledger is scanned', async () => {
    const reporter = `acct-${randomUUID()}`;
    const filed = await apiClient(harness()).file(reporter);
    await untilStreamVisible(harness().store, `complaint-${filed}`);
    const scansFrom: (GlobalPosition | undefined)[] = [];
    expect([...(await reporterComplaintIds({ ledger: watchedLedger(scansFrom) })(reporter))]).toEqual([filed]);
    expect(scansFrom[0]).toBe(START);
  });
});
