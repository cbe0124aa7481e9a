import { randomBytes, randomUUID } from 'node:crypto';
import { runSchedulerPass, type DueCandidates } from '../../../app/scheduler/schedulerPass';
import { accessCodeHashes } from '../../../commands/accessCodeHash';
import { complaintStreamId } from '../../../commands/complaintStream';
import { createCommandHandler, type HandleCommand } from '../../../commands/handleCommand';
import { mintSubmissionDraft } from '../../../commands/intake/submissionDraft';
import { submitComplaint } from '../../../commands/intake/submitComplaint';
import { createWorkingDayCalendar } from '../../../domain/calendar';
import { complaintEventRegistry } from '../../../domain/complaint';
import { agencyRegistry } from '../../../domain/routing';
import { defaultTimeLimits } from '../../../domain/timeLimits';
import { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { PersonalDataVault } from '../../../eventstore/vault/personalDataVault';
import { connect, dropSchema, uniqueSchema } from '../../eventstore/postgres/testDatabase';

const FILED_AT = new Date('2025-03-03T09:00:00+07:00');
/** Weeks later: every verification (3 working days) and information window (10) has run out. */
const LATER = new Date('2025-05-05T09:00:00+07:00');

const schema = uniqueSchema('scheduler');
let sql: SqlClient;
let store: PostgresEventStore;
let vault: PersonalDataVault;

/** A handler of its own per scheduler: separate processes share no in-process stream locks. */
const handlerAt = (instant: Date): HandleCommand =>
  createCommandHandler({ store, agencies: agencyRegistry, limits: defaultTimeLimits, calendar: createWorkingDayCalendar(), clock: () => instant });

async function fileComplaint(): Promise<string> {
  const draft = mintSubmissionDraft();
  const report = {
    kind: 'pengaduan' as const,
    title: 'Antrean KTP-el tidak dilayani',
    chronology: 'Sudah tiga hari datang ke kantor kecamatan, loket tutup tanpa pemberitahuan.',
    incidentDate: '2025-03-01',
    regionCode: '32.73',
    category: 'kependudukan',
    attachments: [],
    anonymous: false,
    confidential: false,
  };
  const outcome = await submitComplaint(
    { handle: handlerAt(FILED_AT), vault, accessCodes: accessCodeHashes(randomBytes(32)) },
    { report, channel: 'web', actor: { id: 'anonymous', role: 'public' }, draft, correlationId: 'test', causationId: 'test' },
  );
  if (outcome.kind !== 'accepted') throw new Error(`filing failed: ${outcome.kind}`);
  return draft.complaintId;
}

const listed =
  (ids: readonly string[]): DueCandidates =>
  async function* () {
    yield* ids;
  };
const eventTypes = async (id: string): Promise<string[]> => (await store.readStream(complaintStreamId(id))).map((event) => event.type);
const schedulerAt = (instant: Date, ids: readonly string[]) => ({ store, handle: handlerAt(instant), candidates: listed(ids), clock: () => instant });

beforeAll(async () => {
  sql = connect();
  store = await PostgresEventStore.open({ client: sql, schema, registry: complaintEventRegistry });
  vault = await PersonalDataVault.open(sql, schema, randomBytes(32));
});

afterAll(async () => {
  await store.close();
  await dropSchema(sql, schema);
  await sql.close();
});

describe('scheduler on PostgreSQL', () => {
  test('nothing is issued before a deadline passes', async () => {
    const id = await fileComplaint();
    expect(await runSchedulerPass(schedulerAt(FILED_AT, [id]))).toEqual({ issued: 0, notApplied: 0 });
    expect(await eventTypes(id)).toEqual(['ComplaintSubmitted']);
  });

  test('two schedulers at once escalate each overdue complaint exactly once, and a restarted one adds nothing', async () => {
    const ids = [await fileComplaint(), await fileComplaint(), await fileComplaint()];
    const [first, second] = await Promise.all([runSchedulerPass(schedulerAt(LATER, ids)), runSchedulerPass(schedulerAt(LATER, ids))]);
    expect(first.issued + second.issued).toBeGreaterThanOrEqual(3);
    expect(first.notApplied + second.notApplied).toBe(0);
    for (const id of ids) expect(await eventTypes(id)).toEqual(['ComplaintSubmitted', 'ComplaintEscalated']);
    const restarted = await runSchedulerPass(schedulerAt(LATER, ids));
    expect(restarted).toEqual({ issued: 0, notApplied: 0 });
    for (const id of ids) expect(await eventTypes(id)).toEqual(['ComplaintSubmitted', 'ComplaintEscalated']);
  });

  test('an expired information request closes the complaint once, however many schedulers run', async () => {
    const id = await fileComplaint();
    const asked = await handlerAt(FILED_AT)({
      complaintId: id,
      command: { type: 'RequestInformation', question: 'Di kecamatan mana?' },
      actor: { id: 'admin-1', role: 'admin' },
      channel: 'internal',
      correlationId: 'test',
      causationId: 'test',
      requestSeed: randomUUID(),
    });
    expect(asked.kind).toBe('accepted');
    const reports = await Promise.all([1, 2, 3].map(() => runSchedulerPass(schedulerAt(LATER, [id]))));
    expect(reports.reduce((sum, report) => sum + report.issued, 0)).toBeGreaterThanOrEqual(1);
    const types = await eventTypes(id);
    expect(types.filter((type) => type === 'ComplaintClosed')).toHaveLength(1);
    expect(types.at(-1)).toBe('ComplaintClosed');
  });
});
