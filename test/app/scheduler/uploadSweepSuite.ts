import request from 'supertest';
import { runUploadSweepPass, type UploadSweepDependencies } from '../../../app/scheduler/uploadSweepPass';
import { attachmentReferencedInReadModel } from '../../../projections/attachments/attachmentReferenced';
import { PNG_SIGNATURE, pngChunk, pngParts } from '../../commands/attachments/media/imageFixtures';
import { validReport } from '../../commands/http/apiHarness';
import type { SettableClock } from '../../commands/reporter/signInSuite';
import type { HarnessForFile } from '../../read-api/readApiHarness';

const HOUR = 3_600_000;
const GRACE_HOURS = 24;

/** Requires harnessForFile(..., { commandClock: clock.now }): uploads and references are touched at the clock the sweep reads too. */
export function uploadSweepSuite(label: string, { harness }: HarnessForFile, clock: SettableClock): void {
  let serial = 0;
  const uniquePng = (): Buffer => Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, pngChunk('IDAT', Buffer.from(`sweep ${label} ${process.pid} ${++serial} ${Date.now()}`)), pngParts.iend]);

  async function upload(bytes = uniquePng()): Promise<{ id: string; mediaType: string; sizeBytes: number }> {
    const response = await request(harness().app).post('/api/attachments').attach('file', bytes, 'foto.png');
    if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${response.text}`);
    return response.body as { id: string; mediaType: string; sizeBytes: number };
  }
  const fileWith = (photo: { id: string; mediaType: string; sizeBytes: number }) =>
    request(harness().app).post('/api/complaints').send(validReport({ attachments: [{ ...photo, name: 'foto.png' }] }));
  const stored = async (id: string): Promise<boolean> => (await harness().attachments.get(id)) !== undefined;

  /** The pass as the scheduler runs it, on the harness's store and read model; `overrides` to interpose. */
  const sweepDeps = (overrides: Partial<UploadSweepDependencies> = {}): UploadSweepDependencies => ({
    uploads: harness().attachmentUploads,
    store: harness().attachments,
    isReferenced: attachmentReferencedInReadModel(harness().readStore),
    graceMs: GRACE_HOURS * HOUR,
    clock: clock.now,
    ...overrides,
  });
  const sweep = (overrides: Partial<UploadSweepDependencies> = {}) => runUploadSweepPass(sweepDeps(overrides));

  describe(`${label}: the sweep of uploads no complaint references`, () => {
    test('past the grace period an unreferenced upload is deleted, and a complaint naming it then is a 400; a younger one stays', async () => {
      const old = await upload();
      clock.advanceSeconds(20 * 3600);
      const young = await upload();
      clock.advanceSeconds(5 * 3600);
      await sweep();
      expect(await stored(old.id)).toBe(false);
      expect(await stored(young.id)).toBe(true);
      const refused = await fileWith(old);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: 'body.attachments.0.id', message: expect.stringMatching(/no attachment with this id was uploaded/) }]);
    });

    test('a referenced upload is never deleted: kept past the grace, then no longer watched; it is still served', async () => {
      const photo = await upload();
      expect((await fileWith(photo)).status).toBe(201);
      await harness().project();
      clock.advanceSeconds(GRACE_HOURS * 3600 + 60);
      const deleted: string[] = [];
      const store = { delete: async (id: string) => void deleted.push(id) };
      await sweep({ store });
      expect(deleted).not.toContain(photo.id);
      expect(await harness().attachmentUploads.staleBefore(new Date(clock.now().getTime() + 1000 * HOUR), 10_000)).not.toContain(photo.id);
      expect(await stored(photo.id)).toBe(true);
      expect((await request(harness().app).get(`/api/attachments/${photo.id}`)).status).toBe(200);
    });

    test('the same bytes uploaded again restart the grace period', async () => {
      const bytes = uniquePng();
      const photo = await upload(bytes);
      clock.advanceSeconds(20 * 3600);
      expect((await upload(bytes)).id).toBe(photo.id);
      clock.advanceSeconds(5 * 3600);
      await sweep();
      expect(await stored(photo.id)).toBe(true);
    });

    test('two schedulers at once delete each file once and both finish', async () => {
      const photos = await Promise.all([upload(), upload(), upload(), upload()]);
      clock.advanceSeconds(GRACE_HOURS * 3600 + 60);
      const deletions: string[] = [];
      const counting = { delete: async (id: string) => (deletions.push(id), harness().attachments.delete(id)) };
      await Promise.all([sweep({ store: counting }), sweep({ store: counting })]);
      for (const { id } of photos) {
        expect(deletions.filter((deleted) => deleted === id)).toHaveLength(1);
        expect(await stored(id)).toBe(false);
      }
    });

    /** Starts a sweep whose deletion of the file holds until released, and waits until it has begun. */
    async function sweepHeldAtDeletion(): Promise<{ release(): void; readonly pass: Promise<unknown> }> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let deleting!: () => void;
      const deletionStarted = new Promise<void>((resolve) => (deleting = resolve));
      const slowStore = {
        delete: async (id: string) => {
          deleting();
          await released;
          await harness().attachments.delete(id);
        },
      };
      const pass = sweep({ store: slowStore });
      await deletionStarted;
      return { release, pass };
    }

    /** Whether `call` is still unanswered after a while (it waits for the sweep's lock). */
    async function stillWaiting<T>(call: Promise<T>): Promise<boolean> {
      let answered = false;
      void call.then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      return !answered;
    }

    test('a reference arriving while the file is being deleted waits for the deletion and is a clean 400; nothing in the ledger names the file', async () => {
      const photo = await upload();
      clock.advanceSeconds(GRACE_HOURS * 3600 + 60);
      const { release, pass } = await sweepHeldAtDeletion();
      const reference = fileWith(photo);
      expect(await stillWaiting(reference)).toBe(true);
      release();
      await pass;
      const response = await reference;
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path: 'body.attachments.0.id', message: expect.any(String) }]);
      expect(await stored(photo.id)).toBe(false);
    });

    test('the same bytes uploaded while their old copy is being deleted wait for it, then are stored anew and tracked again', async () => {
      const bytes = uniquePng();
      const photo = await upload(bytes);
      clock.advanceSeconds(GRACE_HOURS * 3600 + 60);
      const { release, pass } = await sweepHeldAtDeletion();
      const again = request(harness().app).post('/api/attachments').attach('file', bytes, 'foto.png').then((response) => response);
      expect(await stillWaiting(again)).toBe(true);
      release();
      await pass;
      expect((await again).status).toBe(201);
      expect(await stored(photo.id)).toBe(true);
      expect((await fileWith(photo)).status).toBe(201);
    });

    test('a reference arriving after the read model was asked, before the deletion, saves the file: the sweep skips it', async () => {
      const photo = await upload();
      clock.advanceSeconds(GRACE_HOURS * 3600 + 60);
      let filed: request.Response | undefined;
      // The read model has not seen the complaint yet: the answer is "unreferenced", but the reference check has touched the file.
      const lateReference = async (id: string): Promise<boolean> => {
        if (id === photo.id) filed = await fileWith(photo);
        return false;
      };
      await sweep({ isReferenced: lateReference });
      expect(filed?.status).toBe(201);
      expect(await stored(photo.id)).toBe(true);
      await harness().project();
      expect((await request(harness().app).get(`/api/attachments/${photo.id}`)).status).toBe(200);
    });
  });
}
