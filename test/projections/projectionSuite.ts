import { randomUUID } from 'node:crypto';
import { viewFor, type Complaint } from '../../domain/complaint';
import type { EventStore, NewEvent } from '../../eventstore/port';
import type { PersonalDataVault } from '../../eventstore/vault/personalDataVault';
import { untilStreamsVisible } from '../eventstore/postgres/ledgerVisibility';
import { agencyFeed, agencyQueue } from '../../projections/agency/agencyQueries';
import { AGENCY_PROJECTION, agencyCasesCollection } from '../../projections/agency/agencyProjection';
import { allProjections, collectionCatalogOf } from '../../projections/catalog';
import { OVERSIGHT_PROJECTION } from '../../projections/oversight/oversightProjection';
import type { Projection } from '../../projections/projection';
import { PUBLIC_PROJECTION, publicComplaintsCollection, publicProjection } from '../../projections/public/publicProjection';
import { STATISTICS_IDS, Totals } from '../../projections/public/publicStatistics';
import { REPORTER_PROJECTION, type ReporterComplaintDocument } from '../../projections/reporter/reporterProjection';
import { processBatch } from '../../projections/runner/processBatch';
import { projectionLag } from '../../projections/runner/projectionLag';
import { ProjectionRunner } from '../../projections/runner/projectionRunner';
import { rebuildProjection } from '../../projections/runner/rebuildProjection';
import { AgencyPerformance } from '../../projections/shared/agencyPerformance';
import { bucketOf, BUCKET_UPPER_BOUNDS_HOURS, DurationHistogram } from '../../projections/shared/durationHistogram';
import { CheckpointMoved } from '../../projections/store/generations';
import type { ReadModelStore } from '../../projections/store/readModelStore';
import { START, type GlobalPosition } from '../../eventstore/port';
import { AGENCY_A, AGENCY_B, AGENCY_C, writeFixtureLedger, type CanaryComplaint, type FixtureLedger } from './canaryLedger';
import { asStored, ledgerComplaints, type LedgerComplaint } from './ledgerTruth';
import { exactPercentile, recount } from './statisticsRecount';
import { at } from './store/generationFixtures';

export interface ProjectionSuiteSetup {
  readonly events: EventStore;
  readonly vault: PersonalDataVault;
  /** A read-model store over the catalog given, in this suite's own database/schema. */
  openStore(projections: readonly Projection[]): Promise<ReadModelStore>;
  /** Appends without the complaint schema check, to put a poison event into the ledger. */
  appendUnchecked(streamId: string, events: readonly NewEvent[]): Promise<void>;
}

/** A projection that fails on one complaint: the poison must stay in it. */
function faultyPublic(failingComplaintId: () => string | undefined): Projection {
  return {
    ...publicProjection,
    name: 'public_faulty',
    render(tracked) {
      if (tracked.complaint.complaintId === failingComplaintId()) throw new Error('cannot handle this complaint');
      return publicProjection.render(tracked);
    },
  };
}

const json = (value: unknown): string => JSON.stringify(value ?? null);

export function projectionSuite(storeName: string, setup: () => ProjectionSuiteSetup): void {
  describe(`projections on ${storeName}`, () => {
    let store: ReadModelStore;
    let fixture: FixtureLedger;
    let truth: LedgerComplaint[];
    let failing: string | undefined;
    const faulty = faultyPublic(() => failing);
    const projections = [...allProjections, faulty];
    const dependencies = () => ({ events: setup().events, store, personalData: setup().vault });

    beforeAll(async () => {
      const { events, vault, openStore } = setup();
      store = await openStore(projections);
      fixture = await writeFixtureLedger(events, vault);
      // The gap-safe ledger read holds rows back while another test file's transaction is open.
      await untilStreamsVisible(events, fixture.complaintIds.map((id) => `complaint-${id}`));
      truth = await ledgerComplaints(events, vault);
      await new ProjectionRunner(dependencies(), { projections, batchSize: 37 }).catchUp();
    });

    const live = async (projection: string) => {
      const generation = (await store.generations(projection)).find((g) => g.state === 'live');
      if (!generation) throw new Error(`${projection} has no live generation`);
      return generation;
    };
    const canary = (n: number): CanaryComplaint => fixture.canaryComplaints[n]!;
    const inputOf = (c: LedgerComplaint) => ({ complaint: c.complaint, reporter: c.reporter });

    test('getDocumentJson: the live body as JSON text (what the complaint page serves); none for an unknown id', async () => {
      for (const c of truth) {
        const text = await store.getDocumentJson(PUBLIC_PROJECTION, 'complaints', c.complaint.trackingId);
        expect(JSON.parse(text ?? 'null')).toEqual(asStored(viewFor({ kind: 'public' }, inputOf(c))));
      }
      expect(await store.getDocumentJson(PUBLIC_PROJECTION, 'complaints', 'LPR-NO-SUCH-ID')).toBeUndefined();
    });

    test('omitBodyFields: the same page, each body without those fields', async () => {
      const query = { collection: publicComplaintsCollection.name, where: [{ field: 'listed', op: 'eq', value: true }], orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 7 } as const;
      const full = await store.findDocuments(PUBLIC_PROJECTION, query);
      const lean = await store.findDocuments(PUBLIC_PROJECTION, { ...query, omitBodyFields: ['chronology', 'followUps'] });
      expect(lean.items.map((d) => d.id)).toEqual(full.items.map((d) => d.id));
      expect(lean.next).toBe(full.next);
      for (const document of lean.items) {
        const c = truth.find((t) => t.complaint.trackingId === document.id)!;
        const { chronology, followUps, ...rest } = asStored(viewFor({ kind: 'public' }, inputOf(c))) as Record<string, unknown>;
        expect([chronology, followUps]).not.toContain(undefined);
        expect(document.body).toEqual(rest);
      }
    });

    test('found documents carry their keys without the search terms; a document got by id keeps them', async () => {
      const c = fixture.canaryComplaints.find((canaryComplaint) => !canaryComplaint.confidential)!;
      const { terms, ...otherKeys } = (await store.getDocument(PUBLIC_PROJECTION, publicComplaintsCollection.name, c.trackingId))!.keys;
      expect(terms).toEqual(expect.arrayContaining([expect.any(String)]));
      const found = await store.findDocuments(PUBLIC_PROJECTION, {
        collection: publicComplaintsCollection.name,
        where: [{ field: 'terms', op: 'containsAll', value: terms! }],
        orderBy: { field: 'submittedAt', direction: 'desc' },
        limit: 5,
      });
      expect(found.items.map((d) => ({ id: d.id, keys: d.keys }))).toContainEqual({ id: c.trackingId, keys: otherKeys });
    });

    test('every read model holds exactly what viewFor gives its audience, for every complaint', async () => {
      expect(truth).toHaveLength(fixture.complaintIds.length);
      for (const c of truth) {
        const { complaint } = c;
        const publicDocument = await store.getDocument(PUBLIC_PROJECTION, 'complaints', complaint.trackingId);
        expect(publicDocument?.body).toEqual(asStored(viewFor({ kind: 'public' }, inputOf(c))));
        const reporterDocument = await store.getDocument<ReporterComplaintDocument>(REPORTER_PROJECTION, 'complaints', complaint.trackingId);
        expect(reporterDocument?.body.view).toEqual(asStored(viewFor({ kind: 'reporter', proof: { by: 'access_code' } }, inputOf(c))));
        const oversightDocument = await store.getDocument(OVERSIGHT_PROJECTION, 'complaints', complaint.complaintId);
        expect(oversightDocument?.body).toEqual(asStored(viewFor({ kind: 'ombudsman' }, inputOf(c))));
        for (const agencyId of [AGENCY_A, AGENCY_B, AGENCY_C]) {
          const agencyDocument = await store.getDocument(AGENCY_PROJECTION, 'cases', `${agencyId}/${complaint.complaintId}`);
          expect(agencyDocument?.body).toEqual(asStored(viewFor({ kind: 'agency', agencyId }, inputOf(c))));
        }
      }
    });

    describe.each([0, 1, 2, 3])('canary complaint %i (anonymous = bit 0, confidential = bit 1)', (n) => {
      const contact = (c: CanaryComplaint) => [c.canaries.phone, c.canaries.email, c.canaries.nik];
      const content = (c: CanaryComplaint) => [c.canaries.title, c.canaries.chronology, c.canaries.reply, c.canaries.publicFollowUp];

      test('public: status only when confidential; otherwise redacted text, "Anonim" when anonymous, never contact or notes', async () => {
        const c = canary(n);
        const document = await store.getDocument(PUBLIC_PROJECTION, 'complaints', c.trackingId);
        const text = json(document);
        for (const forbidden of [...contact(c), c.canaries.noteA, c.canaries.noteB]) expect(text).not.toContain(forbidden);
        if (c.confidential) {
          expect(document?.body).toEqual({ shape: 'status_only', trackingId: c.trackingId, status: 'resolved' });
          expect(document?.keys).toEqual({ listed: false });
          for (const forbidden of [...content(c), c.canaries.name]) expect(text).not.toContain(forbidden);
          return;
        }
        const body = document?.body as Record<string, unknown>;
        expect(body.reporterName).toBe(c.anonymous ? 'Anonim' : c.canaries.name);
        if (c.anonymous) expect(text).not.toContain(c.canaries.name);
        expect(body).not.toHaveProperty('reporterContact');
        expect(body).not.toHaveProperty('oversight');
        expect(body.title).toBe(c.redactedTitle ?? c.canaries.title);
        if (c.redactedTitle) expect(text).not.toContain(c.canaries.title);
        expect(text).toContain(c.canaries.publicFollowUp);
        expect(text).toContain(c.canaries.reply);
      });

      test('public list and search: listed unless confidential; search sees only the public text', async () => {
        const c = canary(n);
        const listed = await store.findDocuments(PUBLIC_PROJECTION, {
          collection: publicComplaintsCollection.name,
          where: [{ field: 'listed', op: 'eq', value: true }],
          orderBy: { field: 'submittedAt', direction: 'desc' },
          limit: 500,
        });
        expect(listed.items.some((d) => d.id === c.trackingId)).toBe(!c.confidential);
        const found = await store.findDocuments(PUBLIC_PROJECTION, {
          collection: publicComplaintsCollection.name,
          where: [
            { field: 'listed', op: 'eq', value: true },
            { field: 'terms', op: 'containsAll', value: [`canarytitle${n}`] },
          ],
          orderBy: { field: 'submittedAt', direction: 'desc' },
          limit: 10,
        });
        expect(found.items.map((d) => d.id)).toEqual(c.confidential || c.redactedTitle ? [] : [c.trackingId]);
      });

      test('agencies: A and B see the case with their own notes only and no contact; C sees nothing', async () => {
        const c = canary(n);
        for (const [agencyId, own, other] of [
          [AGENCY_A, c.canaries.noteA, c.canaries.noteB],
          [AGENCY_B, c.canaries.noteB, c.canaries.noteA],
        ] as const) {
          const document = await store.getDocument(AGENCY_PROJECTION, 'cases', `${agencyId}/${c.complaintId}`);
          const text = json(document);
          expect((document?.body as Record<string, unknown>).reporterName).toBe(c.anonymous ? 'Anonim' : c.canaries.name);
          if (c.anonymous) expect(text).not.toContain(c.canaries.name);
          for (const forbidden of [...contact(c), other]) expect(text).not.toContain(forbidden);
          expect(text).toContain(own);
          expect(text).toContain(c.canaries.chronology);
        }
        expect(await store.getDocument(AGENCY_PROJECTION, 'cases', `${AGENCY_C}/${c.complaintId}`)).toBeUndefined();
        const feedOfC = await store.findDocuments(AGENCY_PROJECTION, {
          collection: agencyCasesCollection.name,
          where: [{ field: 'agencyId', op: 'eq', value: AGENCY_C }],
          orderBy: { field: 'lastPosition', direction: 'asc' },
          limit: 500,
        });
        expect(json(feedOfC)).not.toContain(c.complaintId);
      });

      test('reporter and oversight: the reporter sees own data but no internal notes; the Ombudsman sees everything', async () => {
        const c = canary(n);
        const reporter = json(await store.getDocument(REPORTER_PROJECTION, 'complaints', c.trackingId));
        for (const expected of [c.canaries.name, ...contact(c), ...content(c)]) expect(reporter).toContain(expected);
        for (const forbidden of [c.canaries.noteA, c.canaries.noteB]) expect(reporter).not.toContain(forbidden);
        const oversight = json(await store.getDocument(OVERSIGHT_PROJECTION, 'complaints', c.complaintId));
        for (const expected of [c.canaries.name, ...contact(c), ...content(c), c.canaries.noteA, c.canaries.noteB]) expect(oversight).toContain(expected);
        const own = await store.findDocuments(REPORTER_PROJECTION, {
          collection: 'complaints',
          where: [{ field: 'accountId', op: 'eq', value: c.accountId }],
          orderBy: { field: 'submittedAt', direction: 'desc' },
          limit: 10,
        });
        expect(own.items.map((d) => d.id)).toEqual([c.trackingId]);
      });
    });

    test('public statistics equal a recount from the ledger, and hold no canary', async () => {
      const expected = recount(truth);
      const counts = await store.findDocuments<{ dimension: string; value: string; count: number }>(PUBLIC_PROJECTION, {
        collection: 'counts',
        orderBy: { field: 'value', direction: 'asc' },
        limit: 500,
      });
      const stored = new Map(counts.items.filter((d) => d.body.count !== 0).map((d) => [`${d.body.dimension}:${d.body.value}`, d.body.count]));
      expect(stored).toEqual(expected.counts);

      for (const [id, durations] of [
        [STATISTICS_IDS.timeToFirstFollowUp, expected.firstFollowUpHours],
        [STATISTICS_IDS.timeToResolution, expected.resolutionHours],
      ] as const) {
        const histogram = DurationHistogram.parse((await store.getDocument(PUBLIC_PROJECTION, 'statistics', id))?.body);
        expect(histogram.total).toBe(durations.length);
        const buckets = BUCKET_UPPER_BOUNDS_HOURS.map(() => 0).concat(0);
        for (const hours of durations) buckets[bucketOf(hours)]!++;
        expect(histogram.counts).toEqual(buckets);
        for (const [q, reported] of [[0.5, histogram.medianHours], [0.9, histogram.p90Hours]] as const) {
          const exact = exactPercentile(durations, q)!;
          // The reported value is the upper bound of the bucket the exact percentile falls in.
          expect(reported).toBe(BUCKET_UPPER_BOUNDS_HOURS[bucketOf(exact)]);
        }
      }
      const totals = Totals.parse((await store.getDocument(PUBLIC_PROJECTION, 'statistics', STATISTICS_IDS.totals))?.body);
      expect(totals).toEqual({
        complaints: truth.length,
        resolved: expected.resolutionHours.length,
        resolvedOnTime: expected.resolvedOnTime,
        shareOnTime: expected.resolvedOnTime / expected.resolutionHours.length,
      });
      expect(expected.resolvedOnTime).toBeGreaterThan(0);
      expect(expected.resolvedOnTime).toBeLessThan(expected.resolutionHours.length);

      for (const projection of [PUBLIC_PROJECTION, OVERSIGHT_PROJECTION]) {
        const agencies = await store.findDocuments(projection, { collection: 'agencies', orderBy: { field: 'assigned', direction: 'desc' }, limit: 100 });
        const byAgency = new Map(agencies.items.map((d) => { const p = AgencyPerformance.parse(d.body); return [p.agencyId, { assigned: p.assigned, declined: p.declined, resolved: p.resolved, resolvedOnTime: p.resolvedOnTime }]; }));
        expect(byAgency).toEqual(expected.agencies);
      }
      const league = await store.findDocuments(PUBLIC_PROJECTION, {
        collection: 'agencies',
        where: [{ field: 'assigned', op: 'gte', value: 8 }],
        orderBy: { field: 'score', direction: 'desc' },
        limit: 10,
      });
      const scores = league.items.map((d) => AgencyPerformance.parse(d.body));
      expect(scores.every((s) => s.assigned >= 8)).toBe(true);
      expect(scores.map((s) => s.score)).toEqual([...scores.map((s) => s.score)].sort((a, b) => b - a));

      const statistics = json(await store.dumpGeneration(await live(PUBLIC_PROJECTION)).then((docs) => docs.filter((d) => d.collection !== 'complaints' && d.collection !== 'complaint_state')));
      for (const c of fixture.canaryComplaints) for (const value of Object.values(c.canaries)) expect(statistics).not.toContain(value);
    });

    test('oversight lists: bouncing complaints, breaches by stage, unowned ones', async () => {
      const bouncing = await store.findDocuments<{ complaintId: string }>(OVERSIGHT_PROJECTION, {
        collection: 'complaints',
        where: [{ field: 'declineCount', op: 'gte', value: 2 }],
        orderBy: { field: 'declineCount', direction: 'desc' },
        limit: 100,
      });
      const expectedBouncing = truth.filter((c) => c.complaint.declines.length >= 2).map((c) => c.complaint.complaintId).sort();
      expect(expectedBouncing.length).toBeGreaterThan(0);
      expect(bouncing.items.map((d) => d.body.complaintId).sort()).toEqual(expectedBouncing);

      const now = '2026-01-01T00:00:00.000Z';
      const breaches = await store.findDocuments(OVERSIGHT_PROJECTION, {
        collection: 'complaints',
        where: [{ field: 'open', op: 'eq', value: true }, { field: 'stage', op: 'eq', value: 'agency_response' }, { field: 'dueAt', op: 'lt', value: now }],
        orderBy: { field: 'dueAt', direction: 'asc' },
        limit: 100,
      });
      const isBreach = (c: Complaint) => c.status !== 'closed' && c.deadline?.stage === 'agency_response' && Date.parse(c.deadline.dueAt) < Date.parse(now);
      expect(breaches.items.length).toBeGreaterThan(0);
      expect(breaches.items.map((d) => d.id).sort()).toEqual(truth.filter((c) => isBreach(c.complaint)).map((c) => c.complaint.complaintId).sort());

      const unowned = await store.findDocuments(OVERSIGHT_PROJECTION, {
        collection: 'complaints',
        where: [{ field: 'open', op: 'eq', value: true }, { field: 'ownerKind', op: 'eq', value: 'admin_queue' }, { field: 'ownedSince', op: 'lt', value: now }],
        orderBy: { field: 'ownedSince', direction: 'asc' },
        limit: 100,
      });
      expect(unowned.items.length).toBeGreaterThan(0);
      expect(unowned.items.map((d) => d.id).sort()).toEqual(truth.filter((c) => c.complaint.status !== 'closed' && c.complaint.owner.kind === 'admin_queue').map((c) => c.complaint.complaintId).sort());
    });

    test('the agency queue is sorted by urgency and pages by cursor without overlap', async () => {
      const pages: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.findDocuments(AGENCY_PROJECTION, {
          collection: agencyCasesCollection.name,
          where: [{ field: 'agencyId', op: 'eq', value: AGENCY_A }, { field: 'inQueue', op: 'eq', value: true }],
          orderBy: { field: 'dueAt', direction: 'asc' },
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        pages.push(...page.items.map((d) => `${String(d.keys.dueAt)}|${d.id}`));
        cursor = page.next;
      } while (cursor);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages).toEqual([...pages].sort());
      expect(new Set(pages).size).toBe(pages.length);
      const expected = truth.filter((c) => c.complaint.status !== 'closed' && c.complaint.owner.kind === 'agency' && c.complaint.owner.agencyId === AGENCY_A);
      expect(pages.length).toBe(expected.length);
    });

    test('agency queue entries carry overdue flags at the time asked; the feed pages by ledger position', async () => {
      const early = await agencyQueue(store, AGENCY_A, { now: '2025-03-03T00:00:00.000Z', limit: 100 });
      const late = await agencyQueue(store, AGENCY_A, { now: '2030-01-01T00:00:00.000Z', limit: 100 });
      expect(early.items.length).toBeGreaterThan(0);
      expect(early.items.every((e) => !e.overdue)).toBe(true);
      expect(late.items.filter((e) => e.view.deadline !== undefined).every((e) => e.overdue)).toBe(true);
      const all = await agencyFeed(store, AGENCY_B, { limit: 500 });
      const paged: string[] = [];
      let after: GlobalPosition | undefined;
      for (;;) {
        const page = await agencyFeed(store, AGENCY_B, { limit: 2, ...(after ? { after } : {}) });
        if (page.items.length === 0) break;
        paged.push(...page.items.map((i) => i.view.complaintId));
        after = page.next;
      }
      expect(paged).toEqual(all.items.map((i) => i.view.complaintId));
      expect(all.items.map((i) => i.position)).toEqual([...all.items.map((i) => i.position)].sort());
    });

    test('replaying a batch changes nothing: a stale batch is refused whole, and batch size does not matter', async () => {
      const slot = await live(PUBLIC_PROJECTION);
      const before = await store.dumpGeneration(slot);
      await expect(processBatch(dependencies(), publicProjection, slot, START, 50)).rejects.toBeInstanceOf(CheckpointMoved);
      expect(await store.dumpGeneration(slot)).toEqual(before);
      const oneByOne = await rebuildProjection(dependencies(), publicProjection, { batchSize: 1, promote: false });
      expect(await store.dumpGeneration(oneByOne.slot)).toEqual(before);
      await store.dropGeneration(oneByOne.slot);
    });

    test('a batch of a rebuild stream by stream carries the head: refused unless the generation holds the same, kept until a batch clears it', async () => {
      const slot = { projection: PUBLIC_PROJECTION, generation: 900 };
      await store.beginGeneration(slot, publicProjection.version);
      const [p1, p2, head] = [at(1), at(2), at(9)];
      const standing = async () => (await store.generations(PUBLIC_PROJECTION)).find((g) => g.generation === slot.generation)!;
      const empty = { changes: [], poisoned: [] };
      await store.commitBatch(slot, { ...empty, from: START, to: p1, toHead: head });
      expect(await standing()).toMatchObject({ checkpoint: p1, streamwiseHead: head });
      // A writer that believes the generation is in ledger order at p1, or has another head, is refused.
      await expect(store.commitBatch(slot, { ...empty, from: p1, to: p2 })).rejects.toBeInstanceOf(CheckpointMoved);
      await expect(store.commitBatch(slot, { ...empty, from: p1, to: p2, fromHead: p2, toHead: p2 })).rejects.toBeInstanceOf(CheckpointMoved);
      await store.commitBatch(slot, { ...empty, from: p1, to: p2, fromHead: head, toHead: head });
      expect(await standing()).toMatchObject({ checkpoint: p2, streamwiseHead: head });
      await store.commitBatch(slot, { ...empty, from: p2, to: head, fromHead: head });
      const done = await standing();
      expect(done.checkpoint).toBe(head);
      expect(done.streamwiseHead).toBeUndefined();
      await store.dropGeneration(slot);
    });

    test('rebuild without downtime: readers see the old generation until the new one is promoted; feed cursors still work', async () => {
      const feedQuery = (after?: string) => ({
        collection: agencyCasesCollection.name,
        where: [{ field: 'agencyId', op: 'eq' as const, value: AGENCY_B }, ...(after ? [{ field: 'lastPosition', op: 'gt' as const, value: after }] : [])],
        orderBy: { field: 'lastPosition', direction: 'asc' as const },
        limit: 3,
      });
      const firstPage = await store.findDocuments(AGENCY_PROJECTION, feedQuery());
      const feedCursor = firstPage.items.at(-1)!.lastPosition;
      const restBefore = await store.findDocuments(AGENCY_PROJECTION, { ...feedQuery(feedCursor), limit: 500 });
      const old = await live(AGENCY_PROJECTION);
      const before = await store.dumpGeneration(old);
      const progress: number[] = [];
      const result = await rebuildProjection(dependencies(), allProjections.find((p) => p.name === AGENCY_PROJECTION)!, {
        batchSize: 40,
        onProgress: (p) => progress.push(p.eventsRead),
        promote: false,
      });
      // Beside, not instead: readers still read the old generation.
      expect((await live(AGENCY_PROJECTION)).generation).toBe(old.generation);
      expect(progress.length).toBeGreaterThan(1);
      await store.promoteGeneration(result.slot);
      await store.dropGeneration(old);
      expect((await live(AGENCY_PROJECTION)).generation).toBe(result.slot.generation);
      expect(await store.dumpGeneration(result.slot)).toEqual(before);
      expect(await store.findDocuments(AGENCY_PROJECTION, { ...feedQuery(feedCursor), limit: 500 })).toEqual(restBefore);
    });

    test('lag: none at the head; new events show as events and seconds behind', async () => {
      const lag = await projectionLag(setup().events, store, PUBLIC_PROJECTION);
      expect(lag).toMatchObject({ eventsBehind: 0, secondsBehind: 0, poisonedEvents: 0 });
      await writeFixtureLedger(setup().events, setup().vault, 1);
      const behind = await projectionLag(setup().events, store, PUBLIC_PROJECTION, { now: new Date(Date.now() + 5000) });
      expect(behind.eventsBehind).toBeGreaterThan(10);
      expect(behind.secondsBehind).toBeGreaterThanOrEqual(5);
      await new ProjectionRunner(dependencies(), { projections }).catchUp();
      expect((await projectionLag(setup().events, store, PUBLIC_PROJECTION)).eventsBehind).toBe(0);
    });

    test('a poison event is recorded, quarantines its stream only, and does not stop other projections; a rebuild stream by stream sets aside the same', async () => {
      const { events } = setup();
      const badStream = `complaint-${randomUUID()}`;
      const metadata = (type: string) => ({
        type,
        metadata: { eventId: randomUUID(), actor: { id: 'x', role: 'admin' as const }, channel: 'web' as const, correlationId: 'p', causationId: 'p', occurredAt: '2025-03-03T09:00:00+07:00', schemaVersion: 1 },
      });
      await setup().appendUnchecked(badStream, [
        { ...metadata('ComplaintSubmitted'), data: { complaintId: 'not a uuid' } },
        { ...metadata('ComplaintVerified'), data: { at: '2025-03-03T09:00:00+07:00' } },
      ]);
      const more = await writeFixtureLedger(events, setup().vault, 2);
      failing = more.complaintIds.at(-1);
      await untilStreamsVisible(events, more.complaintIds.map((id) => `complaint-${id}`));
      const logged: string[] = [];
      await new ProjectionRunner(dependencies(), { projections, log: (line) => logged.push(line) }).catchUp();

      for (const projection of allProjections) {
        const records = await store.poisonRecords(await live(projection.name));
        expect(records.map((r) => [r.streamId, r.eventType, r.kind])).toEqual([
          [badStream, 'ComplaintSubmitted', 'poisoned'],
          [badStream, 'ComplaintVerified', 'parked'],
        ]);
        expect((await projectionLag(events, store, projection.name)).eventsBehind).toBe(0);
      }
      // The complaint the faulty projection chokes on is quarantined there, and only there.
      const faultyRecords = await store.poisonRecords(await live(faulty.name));
      expect(faultyRecords.filter((r) => r.streamId === `complaint-${failing}`).map((r) => r.kind)[0]).toBe('poisoned');
      expect(logged.some((line) => line.includes('poisoned') && line.includes('public_faulty'))).toBe(true);
      const last = more.canaryComplaints[3]!;
      expect(await store.getDocument(PUBLIC_PROJECTION, 'complaints', last.trackingId)).toBeDefined();
      expect(await store.getDocument(faulty.name, 'complaints', last.trackingId)).toBeDefined();

      // A rebuild stream by stream sets aside the same events and gives the same documents.
      for (const projection of [publicProjection, faulty]) {
        const liveSlot = await live(projection.name);
        const rebuilt = await rebuildProjection(dependencies(), projection, { promote: false, batchSize: 7 });
        expect(await store.poisonRecords(rebuilt.slot)).toEqual(await store.poisonRecords(liveSlot));
        expect(await store.dumpGeneration(rebuilt.slot)).toEqual(await store.dumpGeneration(liveSlot));
        await store.dropGeneration(rebuilt.slot);
      }
    });

    test('collections are declared once per projection', () => {
      expect(Object.keys(collectionCatalogOf(projections))).toEqual(projections.map((p) => p.name));
    });
  });
}
