import fc from 'fast-check';
import { decideReporter, evolveReporter, initialReporterState, type ReporterCommand, type ReporterEvent, type ReporterState } from '../../../domain/reporter';

const T0 = '2025-03-03T02:00:00.000Z';
const FIVE_MINUTES_LATER = '2025-03-03T02:05:00.000Z';
const JUST_BEFORE = '2025-03-03T02:04:59.999Z';

function run(commands: readonly (readonly [ReporterCommand, string])[]): { state: ReporterState; events: ReporterEvent[]; refusals: string[] } {
  let state = initialReporterState;
  const events: ReporterEvent[] = [];
  const refusals: string[] = [];
  for (const [command, now] of commands) {
    const decision = decideReporter(state, command, now);
    if (!decision.ok) {
      refusals.push(decision.code);
      continue;
    }
    for (const event of decision.events) {
      events.push(event);
      state = evolveReporter(state, event);
    }
  }
  return { state, events, refusals };
}

describe('reporter erasure', () => {
  test('a request is recorded once with its instant; asking again records nothing', () => {
    const { events, state } = run([
      [{ type: 'RequestErasure' }, T0],
      [{ type: 'RequestErasure' }, FIVE_MINUTES_LATER],
    ]);
    expect(events).toEqual([{ type: 'ReporterErasureRequested', data: { at: T0 } }]);
    expect(state.erasure).toEqual({ kind: 'requested', requestedAt: T0 });
  });

  test('completing without a request is refused', () => {
    expect(run([[{ type: 'CompleteErasure', complaints: 0 }, T0]]).refusals).toEqual(['erasure_not_requested']);
  });

  test('completion waits five minutes after the request, then is recorded once with the count', () => {
    const { events, refusals, state } = run([
      [{ type: 'RequestErasure' }, T0],
      [{ type: 'CompleteErasure', complaints: 2 }, JUST_BEFORE],
      [{ type: 'CompleteErasure', complaints: 3 }, FIVE_MINUTES_LATER],
      [{ type: 'CompleteErasure', complaints: 3 }, FIVE_MINUTES_LATER],
      [{ type: 'RequestErasure' }, FIVE_MINUTES_LATER],
    ]);
    expect(refusals).toEqual(['erasure_not_settled']);
    expect(events).toEqual([
      { type: 'ReporterErasureRequested', data: { at: T0 } },
      { type: 'ReporterErasureCompleted', data: { at: FIVE_MINUTES_LATER, complaints: 3 } },
    ]);
    expect(state.erasure.kind).toBe('completed');
  });

  test('any sequence of commands over rising time: at most one request, at most one completion, completion only after the request and the settle window', () => {
    const command = fc.oneof(
      fc.constant<ReporterCommand>({ type: 'RequestErasure' }),
      fc.nat(100).map((complaints): ReporterCommand => ({ type: 'CompleteErasure', complaints })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.nat(120_000)), { maxLength: 30 }), (steps) => {
        let at = Date.parse(T0);
        const timed = steps.map(([c, gap]) => [c, new Date((at += gap)).toISOString()] as const);
        const { events } = run(timed);
        const requests = events.filter((e) => e.type === 'ReporterErasureRequested');
        const completions = events.filter((e) => e.type === 'ReporterErasureCompleted');
        expect(requests.length).toBeLessThanOrEqual(1);
        expect(completions.length).toBeLessThanOrEqual(1);
        if (completions[0]) {
          expect(events[0]?.type).toBe('ReporterErasureRequested');
          expect(Date.parse(completions[0].data.at) - Date.parse(requests[0]!.data.at)).toBeGreaterThanOrEqual(5 * 60_000);
        }
      }),
    );
  });
});

describe('reporter registration', () => {
  const sealed = { keyId: 'reporter-a', alg: 'A256GCM' as const, iv: 'AAAA', ciphertext: 'AAAA', tag: 'AAAA' };

  test('registers once; a second registration of the same account is refused', () => {
    const { events, refusals, state } = run([
      [{ type: 'Register', personalData: sealed }, T0],
      [{ type: 'Register', personalData: sealed }, FIVE_MINUTES_LATER],
    ]);
    expect(events).toEqual([{ type: 'ReporterRegistered', data: { at: T0, personalData: sealed } }]);
    expect(refusals).toEqual(['already_registered']);
    expect(state.registered).toBe(true);
  });

  test('an erased account cannot register again', () => {
    expect(run([[{ type: 'RequestErasure' }, T0], [{ type: 'Register', personalData: sealed }, FIVE_MINUTES_LATER]]).refusals).toEqual(['reporter_erased']);
  });
});
