import type { SealedPersonalData } from '../personalData';
import type { ReporterEvent } from './events';
import type { ReporterState } from './state';

/**
 * How long after the request an erasure may be declared complete. A complaint whose data
 * were sealed just before the vault key was destroyed may still be on its way into the
 * ledger; fan-out passes within this window keep looking for it.
 */
export const ERASURE_SETTLE_MS = 5 * 60_000;

export type ReporterCommand =
  | { readonly type: 'Register'; readonly personalData: SealedPersonalData }
  | { readonly type: 'RequestErasure' }
  | { readonly type: 'CompleteErasure'; readonly complaints: number };

export type ReporterDecision =
  | { readonly ok: true; readonly events: readonly ReporterEvent[] }
  | { readonly ok: false; readonly code: 'already_registered' | 'reporter_erased' | 'erasure_not_requested' | 'erasure_not_settled'; readonly message: string };

/** No I/O, no clock: `now` comes in as an ISO instant. Repeating a command that already took effect decides nothing. */
export function decideReporter(state: ReporterState, command: ReporterCommand, now: string): ReporterDecision {
  const { erasure } = state;
  switch (command.type) {
    case 'Register':
      if (erasure.kind !== 'none') return { ok: false, code: 'reporter_erased', message: 'this account was erased' };
      if (state.registered) return { ok: false, code: 'already_registered', message: 'this account is already registered' };
      return { ok: true, events: [{ type: 'ReporterRegistered', data: { at: now, personalData: command.personalData } }] };
    case 'RequestErasure':
      return { ok: true, events: erasure.kind === 'none' ? [{ type: 'ReporterErasureRequested', data: { at: now } }] : [] };
    case 'CompleteErasure':
      if (erasure.kind === 'none') return { ok: false, code: 'erasure_not_requested', message: 'no erasure was requested for this reporter' };
      if (erasure.kind === 'completed') return { ok: true, events: [] };
      if (Date.parse(now) < Date.parse(erasure.requestedAt) + ERASURE_SETTLE_MS) {
        return { ok: false, code: 'erasure_not_settled', message: 'complaints sealed just before the request may still be arriving' };
      }
      return { ok: true, events: [{ type: 'ReporterErasureCompleted', data: { at: now, complaints: command.complaints } }] };
  }
}
