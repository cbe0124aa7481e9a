import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createCommandHandler, type HandleCommand } from '../../../commands/handleCommand';
import { runErasurePass } from '../../../app/scheduler/erasurePass';
import { eraseReporter, type ReporterErasureDependencies } from '../../../commands/reporter/eraseReporter';
import { PendingErasures } from '../../../commands/reporter/pendingErasures';
import { reporterComplaintIds } from '../../../commands/reporter/reporterComplaintIds';
import { reporterStreamId } from '../../../commands/reporter/reporterStream';
import { createWorkingDayCalendar } from '../../../domain/calendar';
import { agencyRegistry } from '../../../domain/routing';
import { defaultTimeLimits } from '../../../domain/timeLimits';
import type { HarnessForFile } from '../../read-api/readApiHarness';
import { apiClient, NOW } from '../http/apiHarness';

const SIX_MINUTES_LATER = new Date(Date.parse(NOW) + 6 * 60_000);

/** `POST /api/reporters/{id}/erase` and the scheduler's erasure pass, on the harness's database. */
export function reporterErasureSuite(label: string, { harness, sql, schema }: HarnessForFile): void {
  let api: ReturnType<typeof apiClient>;
  let pending: PendingErasures;

  beforeAll(async () => {
    api = apiClient(harness());
    pending = await PendingErasures.open(sql(), schema);
  });

  function erasureDeps(clock: Date, handle?: HandleCommand): ReporterErasureDependencies & { pending: PendingErasures } {
    const realHandle = createCommandHandler({ store: harness().store, agencies: agencyRegistry, limits: defaultTimeLimits, calendar: createWorkingDayCalendar(), clock: () => clock });
    return { store: harness().store, vault: harness().vault, handle: handle ?? realHandle, complaintIds: reporterComplaintIds({ ledger: harness().store }), clock: () => clock, pending };
  }

  /**
   * Files `count` complaints for the reporter and waits until the ledger scan finds them all: the
   * gap-safe reader holds back rows behind another test file's open transaction on the shared
   * server, and an erasure that ran before they are visible would rightly be finished later by
   * the scheduler, not by the call under test.
   */
  async function fileVisible(reporter: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await api.file(reporter));
    const find = reporterComplaintIds({ ledger: harness().store });
    const deadline = Date.now() + 20_000;
    while ((await find(reporter)).size < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    return ids;
  }

  const typesOf = async (complaintId: string): Promise<string[]> => (await api.events(complaintId)).map((event) => event.type);
  const reporterTypes = async (reporter: string): Promise<string[]> => (await harness().store.readStream(reporterStreamId(reporter))).map((event) => event.type);
  const erase = async (reporter: string) => request(harness().app).post(`/api/reporters/${reporter}/erase`).set('authorization', await api.as.reporter(reporter)).send({});

  describe(`${label}: reporter erasure fans out to the complaints`, () => {
    test("each of the reporter's complaints gets ReporterDataErased, others none; the request is recorded first; a repeat appends nothing", async () => {
      const reporter = `acct-${randomUUID()}`;
      const [first, second] = (await fileVisible(reporter, 2)) as [string, string];
      const someoneElses = await api.file(`acct-${randomUUID()}`);
      const anonymous = await api.file();

      const response = await erase(reporter);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ reporterId: reporter, erased: true, complaintsMarked: 2, completed: false });
      expect(await typesOf(first)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
      expect(await typesOf(second)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
      expect(await typesOf(someoneElses)).toEqual(['ComplaintSubmitted']);
      expect(await typesOf(anonymous)).toEqual(['ComplaintSubmitted']);
      expect(await reporterTypes(reporter)).toEqual(['ReporterErasureRequested']);

      const again = await erase(reporter);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ reporterId: reporter, erased: true, complaintsMarked: 2, completed: false });
      expect(await typesOf(first)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
      expect(await reporterTypes(reporter)).toEqual(['ReporterErasureRequested']);
    });

    test('a fan-out that crashed after the first complaint is finished by a retry, each complaint marked once', async () => {
      const reporter = `acct-${randomUUID()}`;
      const complaints = await fileVisible(reporter, 3);
      const real = erasureDeps(new Date(NOW));
      let calls = 0;
      const crashing: HandleCommand = async (command) => {
        if (++calls === 2) throw new Error('process killed');
        return real.handle(command);
      };
      await expect(eraseReporter(erasureDeps(new Date(NOW), crashing), reporter, { id: 'admin-1', role: 'admin' })).rejects.toThrow('process killed');
      const marked = await Promise.all(complaints.map(typesOf));
      expect(marked.filter((types) => types.includes('ReporterDataErased'))).toHaveLength(1);

      expect(await eraseReporter(real, reporter, { id: 'admin-1', role: 'admin' })).toEqual({ complaintsMarked: 3, completed: false });
      for (const id of complaints) expect(await typesOf(id)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
      // The fan-out acts as the admin who asked first, whoever resumes it.
      const events = await api.events(complaints[0]!);
      expect(events[1]!.metadata.actor).toEqual({ id: 'admin-1', role: 'admin' });
    });

    test('a pass after the settle window records ReporterErasureCompleted once, with the count; a complaint the reporter erased alone counts', async () => {
      const reporter = `acct-${randomUUID()}`;
      const [alreadyErased, other] = (await fileVisible(reporter, 2)) as [string, string];
      expect((await api.act(alreadyErased, 'erase-reporter-data', await api.as.reporter(reporter), {})).status).toBe(200);
      await erase(reporter);

      const later = erasureDeps(SIX_MINUTES_LATER);
      expect(await eraseReporter(later, reporter, { id: reporter, role: 'reporter' })).toEqual({ complaintsMarked: 2, completed: true });
      expect(await eraseReporter(later, reporter, { id: reporter, role: 'reporter' })).toEqual({ complaintsMarked: 2, completed: true });
      const stream = await harness().store.readStream(reporterStreamId(reporter));
      expect(stream.map((event) => [event.type, event.data])).toEqual([
        ['ReporterErasureRequested', { at: new Date(NOW).toISOString() }],
        ['ReporterErasureCompleted', { at: SIX_MINUTES_LATER.toISOString(), complaints: 2 }],
      ]);
      expect(await typesOf(alreadyErased)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
      expect(await typesOf(other)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
    });

    test('the scheduler finishes a crashed fan-out, completes it after the settle window, then forgets it', async () => {
      const reporter = `acct-${randomUUID()}`;
      const complaints = await fileVisible(reporter, 2);
      const crashing: HandleCommand = async () => {
        throw new Error('process killed');
      };
      await expect(eraseReporter(erasureDeps(new Date(NOW), crashing), reporter, { id: reporter, role: 'reporter' })).rejects.toThrow('process killed');
      expect(await typesOf(complaints[0]!)).toEqual(['ComplaintSubmitted']);
      expect((await pending.list(1000)).map((row) => row.reporterId)).toContain(reporter);

      await runErasurePass(erasureDeps(new Date(NOW)));
      for (const id of complaints) expect(await typesOf(id)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
      expect(await reporterTypes(reporter)).toEqual(['ReporterErasureRequested']);

      await runErasurePass(erasureDeps(SIX_MINUTES_LATER));
      expect(await reporterTypes(reporter)).toEqual(['ReporterErasureRequested', 'ReporterErasureCompleted']);
      expect((await pending.list(1000)).map((row) => row.reporterId)).not.toContain(reporter);
      for (const id of complaints) expect(await typesOf(id)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
    });
  });
}
