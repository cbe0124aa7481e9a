import { decide, rebuild, type ComplaintCommand, type ComplaintEvent, type DecisionContext, type DomainError, type DomainErrorCode } from '../../../domain/complaint';

/**
 * given(events).when(command, context).then(events) / .thenRejects(code):
 * state is rebuilt from the given events, exactly as the command side will load it.
 */
export function given(history: readonly ComplaintEvent[]) {
  return {
    when(command: ComplaintCommand, context: DecisionContext) {
      const decision = decide(rebuild(history), command, context);
      return {
        decision,
        then(expected: readonly ComplaintEvent[]): void {
          expect(decision).toEqual({ ok: true, events: expected });
        },
        thenRejects(code: DomainErrorCode, kind?: DomainError['kind']): DomainError {
          if (decision.ok) throw new Error(`expected ${code}, but decide produced ${JSON.stringify(decision.events.map((e) => e.type))}`);
          expect(decision.error.code).toBe(code);
          if (kind) expect(decision.error.kind).toBe(kind);
          expect(decision.error.message.length).toBeGreaterThan(0);
          return decision.error;
        },
      };
    },
  };
}
