import fc from 'fast-check';
import { complaintEvent, decide, rebuild, type Complaint, type ComplaintCommand, type ComplaintCommandType, type ComplaintEvent, type DecisionActor, type DecisionContext } from '../../../domain/complaint';
import { T0, T0_PLUS_14, actors, contextFor, events, histories } from './fixtures';
import { given } from './givenWhenThen';
import { sequenceArbitrary, simulate } from './simulation';

/** What the command side passes once the typed code matched: the hash it matched. Any string will do for decide. */
const HASH = 'hmac-sha256$v1$c2FsdHNhbHRzYWx0c2FsdA$bWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWE';
const OTHER_HASH = 'hmac-sha256$v1$b3RoZXJvdGhlcm90aGVyMQ$b3RoZXJvdGhlcm90aGVyb3RoZXJvdGhlcm90aGVyb3Q';

const holding = (accessCodeHash: string, actor: DecisionActor = actors.citizen, now: string = T0): DecisionContext => ({
  ...contextFor(actor, now),
  receipt: { accessCodeHash },
});

/** A fixture history whose submission carries the receipt's hash (the fixtures' own carry none). */
const withReceipt = (history: ComplaintEvent[]): ComplaintEvent[] => [events.submitted({ accessCodeHash: HASH }), ...history.slice(1)];

const REPORTER_COMMANDS: readonly ComplaintCommand[] = [
  { type: 'ReplyToFollowUp', text: 'Masih ada satu lubang.', attachments: [] },
  { type: 'SupplementInformation', text: 'Foto baru.', attachments: [] },
  { type: 'RateOutcome', score: 2, comment: 'Lambat.' },
  { type: 'ReopenComplaint', reason: 'Belum beres.' },
];
const REPORTER_TYPES: ReadonlySet<ComplaintCommandType> = new Set(REPORTER_COMMANDS.map((command) => command.type));

describe('a receipt holder (no account, the access code checked by the command side)', () => {
  it('replies, supplements, rates and reopens like the reporter, as the anonymous public actor', () => {
    given(withReceipt(histories.inProgress()))
      .when({ type: 'ReplyToFollowUp', text: 'Belum selesai.', attachments: [] }, holding(HASH))
      .then([complaintEvent('ReporterReplied', { text: 'Belum selesai.', attachments: [], at: T0 })]);
    given(withReceipt(histories.inProgress()))
      .when({ type: 'SupplementInformation', text: 'Foto baru.', attachments: [] }, holding(HASH))
      .then([complaintEvent('InformationSupplemented', { text: 'Foto baru.', attachments: [], at: T0 })]);
    given(withReceipt(histories.resolved()))
      .when({ type: 'RateOutcome', score: 4 }, holding(HASH))
      .then([complaintEvent('OutcomeRated', { score: 4, at: T0 })]);
    const reopened = given(withReceipt(histories.resolved())).when({ type: 'ReopenComplaint', reason: 'Belum beres.' }, holding(HASH)).decision;
    expect(reopened.ok && reopened.events[0]).toEqual(complaintEvent('ComplaintReopened', { reason: 'Belum beres.', at: T0, resolveBy: T0_PLUS_14 }));
  });

  it('acts on a complaint filed by an account too: the code is the credential', () => {
    const history = withReceipt(histories.inProgress());
    expect(rebuild(history)).toMatchObject({ reporterAccountId: actors.reporter.id });
    expect(decide(rebuild(history), { type: 'ReplyToFollowUp', text: 'Ya.', attachments: [] }, holding(HASH)).ok).toBe(true);
  });

  it('is refused with another complaint\'s code, and on a complaint filed without a receipt (a gateway\'s)', () => {
    const reply: ComplaintCommand = { type: 'ReplyToFollowUp', text: 'x', attachments: [] };
    given(withReceipt(histories.inProgress())).when(reply, holding(OTHER_HASH)).thenRejects('not_the_reporter', 'forbidden');
    given(histories.inProgress()).when(reply, holding(HASH)).thenRejects('not_the_reporter', 'forbidden');
  });

  it('without a receipt the public may not take the reporter actions at all', () => {
    for (const command of REPORTER_COMMANDS) {
      given(withReceipt(histories.resolved())).when(command, contextFor(actors.citizen)).thenRejects('role_not_permitted', 'forbidden');
    }
  });

  it('a receipt gives a signed-in reporter nothing: their account decides', () => {
    const history = withReceipt(histories.inProgress());
    given(history).when({ type: 'ReplyToFollowUp', text: 'x', attachments: [] }, holding(HASH, actors.otherReporter)).thenRejects('not_the_reporter', 'forbidden');
  });
});

describe('receipt holder properties (fast-check over reachable histories)', () => {
  const nowArbitrary = fc.integer({ min: 0, max: 24 * 60 }).map((hours) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString());
  /** Every state a simulated history passes through, with the receipt's hash and the reporter's account on it. */
  const reachable = (steps: Parameters<typeof simulate>[0]): Complaint[] =>
    simulate(steps).flatMap((t) => (t.after.exists ? [{ ...t.after, accessCodeHash: HASH, reporterAccountId: actors.reporter.id }] : []));

  it('with the complaint\'s own code, every reporter action is decided exactly as for the reporter\'s account (300 runs)', () => {
    fc.assert(
      fc.property(sequenceArbitrary, fc.constantFrom(...REPORTER_COMMANDS), nowArbitrary, (steps, command, now) =>
        reachable(steps).every(
          (state) => JSON.stringify(decide(state, command, holding(HASH, actors.citizen, now))) === JSON.stringify(decide(state, command, contextFor(actors.reporter, now))),
        ),
      ),
      { numRuns: 300 },
    );
  });

  it('with any other code, or on a complaint without one, every reporter action is refused as not the reporter (300 runs)', () => {
    fc.assert(
      fc.property(sequenceArbitrary, fc.constantFrom(...REPORTER_COMMANDS), fc.string({ minLength: 1 }), (steps, command, shown) => {
        fc.pre(shown !== HASH);
        return reachable(steps).every((state) => {
          const { accessCodeHash: _hash, ...withoutReceipt } = state;
          const refusedAsStranger = (complaint: Complaint, proof: string) => {
            const decision = decide(complaint, command, holding(proof));
            return !decision.ok && decision.error.code === 'not_the_reporter';
          };
          return refusedAsStranger(state, shown) && refusedAsStranger(withoutReceipt, HASH);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the receipt adds nothing to any other command: decided as for the public without it (300 runs)', () => {
    fc.assert(
      fc.property(sequenceArbitrary, nowArbitrary, (steps, now) =>
        simulate(steps)
          .filter((t) => !REPORTER_TYPES.has(t.command.type))
          .every((t) => {
            const before = t.before.exists ? { ...t.before, accessCodeHash: HASH } : t.before;
            return JSON.stringify(decide(before, t.command, holding(HASH, actors.citizen, now))) === JSON.stringify(decide(before, t.command, contextFor(actors.citizen, now)));
          }),
      ),
      { numRuns: 300 },
    );
  });
});
