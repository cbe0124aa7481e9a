import fc from 'fast-check';
import type { NewEvent } from '../../../../eventstore/port';
import { generateSyntheticLedger } from '../../../../app/tools/syntheticLedger/syntheticLedger';
import { TimeOrder, type OrderedEvent } from '../../../../app/tools/syntheticLedger/timeOrder';

type Complaint = Parameters<TimeOrder['add']>[0];

const DAY_MS = 86_400_000;
const JAKARTA_MIDNIGHT_MS = Date.parse('2020-01-01T00:00:00+07:00');

/** A complaint event at `atMs`; only the time and the id matter to the order. */
const eventAt = (atMs: number, eventId: string): NewEvent => ({
  type: 'Noted',
  data: {},
  metadata: {
    eventId,
    actor: { id: 'someone', role: 'public' },
    channel: 'web',
    correlationId: 'c',
    causationId: 'c',
    occurredAt: new Date(atMs).toISOString(),
    schemaVersion: 1,
  },
});

/** Complaints as the generator gives them: day by day, each submitted within its day, its later events at or after the one before. */
const complaintsByDay = fc
  .array(fc.record({ dayStep: fc.nat(2), submittedWithinDay: fc.nat(DAY_MS - 1), gaps: fc.array(fc.nat(20 * DAY_MS), { maxLength: 6 }), newKey: fc.boolean() }), { maxLength: 60 })
  .map((drawn) => {
    let day = 0;
    return drawn.map(({ dayStep, submittedWithinDay, gaps, newKey }, index): Complaint => {
      day += dayStep;
      let atMs = JAKARTA_MIDNIGHT_MS + day * DAY_MS + submittedWithinDay;
      const times = [atMs, ...gaps.map((gap) => (atMs += gap))];
      return {
        streamId: `complaint-${index}`,
        events: times.map((t, n) => eventAt(t, `${index}-${n}`)),
        ...(newKey ? { newVaultKey: { keyId: `key-${index}`, dataKey: Buffer.alloc(32) } } : {}),
      };
    });
  });

function ordered(complaints: readonly Complaint[]): OrderedEvent[] {
  const order = new TimeOrder();
  return [...complaints.flatMap((complaint) => [...order.add(complaint)]), ...order.drain()];
}

const timeOf = (e: OrderedEvent): number => Date.parse(e.event.metadata.occurredAt);

describe('TimeOrder', () => {
  it('gives every event once, in time order, each stream in its own order, the vault key on its first event', () => {
    fc.assert(
      fc.property(complaintsByDay, (complaints) => {
        const out = ordered(complaints);
        expect(out.map((e) => e.event.metadata.eventId).sort()).toEqual(complaints.flatMap((c) => c.events.map((e) => e.metadata.eventId)).sort());
        expect(out.every((e, i) => i === 0 || timeOf(out[i - 1]!) <= timeOf(e))).toBe(true);
        for (const complaint of complaints) {
          const own = out.filter((e) => e.streamId === complaint.streamId);
          expect(own.map((e) => e.event)).toEqual(complaint.events);
          expect(own.map((e) => e.submission)).toEqual(complaint.events.map((_, i) => i === 0));
          expect(own.map((e) => e.newVaultKey)).toEqual(complaint.events.map((_, i) => (i === 0 ? complaint.newVaultKey : undefined)));
        }
      }),
    );
  });

  it('lets a day go once the generator has moved past it, so only open complaints wait', () => {
    const order = new TimeOrder();
    const first = eventAt(JAKARTA_MIDNIGHT_MS + 1000, 'first');
    const later = eventAt(JAKARTA_MIDNIGHT_MS + 5 * DAY_MS, 'later');
    expect([...order.add({ streamId: 'complaint-a', events: [first, later] })]).toEqual([]);
    const nextDay = [...order.add({ streamId: 'complaint-b', events: [eventAt(JAKARTA_MIDNIGHT_MS + DAY_MS + 1, 'b')] })];
    expect(nextDay.map((e) => e.event.metadata.eventId)).toEqual(['first']);
    expect([...order.drain()].map((e) => e.event.metadata.eventId)).toEqual(['b', 'later']);
  });

  it('interleaves the synthetic ledger’s streams by time', () => {
    const complaints = [...generateSyntheticLedger({ complaints: 2000, seed: 9, personalData: false })];
    const out = ordered(complaints);
    expect(out).toHaveLength(complaints.reduce((n, c) => n + c.events.length, 0));
    expect(out.every((e, i) => i === 0 || timeOf(out[i - 1]!) <= timeOf(e))).toBe(true);
    // Not stream after stream: more runs of one stream's events than there are streams.
    const runs = out.filter((e, i) => i === 0 || out[i - 1]!.streamId !== e.streamId).length;
    expect(runs).toBeGreaterThan(complaints.length);
  });
});
