import fc from 'fast-check';
import { complaintEventRegistry, evolve, rebuild, type ComplaintEvent, type ComplaintState } from '../../../domain/complaint';
import { agencies } from './fixtures';
import { sequenceArbitrary, simulate, type Transition } from './simulation';

const NUM_RUNS = 1000;
const AGENCY_COMMANDS = new Set(['AcceptAssignment', 'DeclineAssignment', 'DelegateToUnit', 'PostFollowUp', 'ResolveComplaint']);

const emitted = (trace: readonly Transition[]): ComplaintEvent[] => trace.flatMap((t) => (t.decision.ok ? [...t.decision.events] : []));

function hasExactlyOneValidOwner(state: ComplaintState): boolean {
  if (!state.exists || state.status === 'closed') return true;
  const { owner } = state;
  if (owner.kind === 'admin_queue') return Object.keys(owner).length === 1;
  return agencies.exists(owner.agencyId) && (owner.unitId === undefined || agencies.parentOf(owner.unitId) === owner.agencyId);
}

/** Stores and reads back as the ledger would: JSON, then the registered schema. */
function throughTheLedger(event: ComplaintEvent): ComplaintEvent {
  const definition = complaintEventRegistry[event.type];
  if (!definition) throw new Error(`unregistered event ${event.type}`);
  return { type: event.type, data: definition.schema.parse(JSON.parse(JSON.stringify(event.data))) } as ComplaintEvent;
}

/** Events no command decides: the read side appends them (a staff read of the reporter identity). */
const RECORDED_BY_THE_READ_SIDE = new Set(['ReporterIdentityAccessed']);

const REACH_RUNS = 3000;
const REACH_SEED = 20261128;

describe(`complaint invariants over random command sequences (fast-check, ${NUM_RUNS} runs each)`, () => {
  it(`an open complaint always has exactly one owner: the admin queue or one registered agency (${NUM_RUNS} runs)`, () => {
    fc.assert(fc.property(sequenceArbitrary, (steps) => simulate(steps).every((t) => hasExactlyOneValidOwner(t.after))), { numRuns: NUM_RUNS });
  });

  it(`a decline always hands the complaint to the admin queue or a named, registered agency, never to nobody (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(sequenceArbitrary, (steps) =>
        simulate(steps).every((t) => {
          if (!t.decision.ok || !t.decision.events.some((e) => e.type === 'AssignmentDeclined')) return true;
          const after = t.after;
          if (!after.exists || after.status === 'closed') return false;
          const declined = t.decision.events.find((e) => e.type === 'AssignmentDeclined');
          if (declined?.type !== 'AssignmentDeclined') return false;
          const to = declined.data.returnedTo;
          const handedOver = to.kind === 'admin_queue' || (agencies.exists(to.agencyId) && to.agencyId !== declined.data.agencyId);
          return handedOver && JSON.stringify(after.owner) === JSON.stringify(to);
        }),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it(`anonymous and confidential flags never loosen (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(sequenceArbitrary, (steps) =>
        simulate(steps).every(
          ({ before, after }) => !before.exists || (after.exists && (!before.anonymous || after.anonymous) && (!before.confidential || after.confidential)),
        ),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it(`a closed complaint accepts no agency action and never reopens by itself (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(sequenceArbitrary, (steps) =>
        simulate(steps).every(({ before, command, decision, after }) => {
          if (!before.exists || before.status !== 'closed') return true;
          const agencyRefused = !AGENCY_COMMANDS.has(command.type) || !decision.ok;
          return agencyRefused && after.exists && after.status === 'closed';
        }),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it(`rebuilding state from the stored events equals the live state (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(sequenceArbitrary, (steps) => {
        const trace = simulate(steps);
        const live = trace.at(-1)?.after ?? { exists: false };
        expect(rebuild(emitted(trace).map(throughTheLedger))).toEqual(live);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`evolve is total: it never throws on any sequence decide produced, and every event fits its schema (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(sequenceArbitrary, (steps) => {
        const events = emitted(simulate(steps));
        for (const event of events) expect(complaintEventRegistry[event.type]?.schema.safeParse(event.data).success).toBe(true);
        // Replayed from scratch and from every prefix: no throw anywhere.
        events.reduce<ComplaintState>((state, event) => evolve(state, event), { exists: false });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`rejections are typed values with a message, never throws (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(sequenceArbitrary, (steps) =>
        simulate(steps).every((t) => t.decision.ok || (['forbidden', 'conflict', 'invalid'].includes(t.decision.error.kind) && t.decision.error.message.length > 0)),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  // Rare events (a delegation needs dispose -> accept -> delegate by the right officer) are
  // missed now and then in 1,000 random runs: this check of the generator's reach uses a fixed
  // seed and more runs so that it is reproducible; the properties above stay randomised.
  it(`the generated sequences reach deep into the lifecycle (sanity check of the generator, ${REACH_RUNS} runs, fixed seed)`, () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(sequenceArbitrary, (steps) => {
        for (const event of emitted(simulate(steps))) reached.add(event.type);
      }),
      { numRuns: REACH_RUNS, seed: REACH_SEED },
    );
    expect([...reached].sort()).toEqual(Object.keys(complaintEventRegistry).filter((type) => !RECORDED_BY_THE_READ_SIDE.has(type)).sort());
  });
});
