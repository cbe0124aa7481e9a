import type { ReporterEvent } from './events';

/** Where a reporter's erasure stands; an account that never asked is `none`. */
export type ReporterErasure =
  | { readonly kind: 'none' }
  | { readonly kind: 'requested'; readonly requestedAt: string }
  | { readonly kind: 'completed'; readonly requestedAt: string };

export interface ReporterState {
  readonly registered: boolean;
  readonly erasure: ReporterErasure;
}

export const initialReporterState: ReporterState = { registered: false, erasure: { kind: 'none' } };

export function evolveReporter(state: ReporterState, event: ReporterEvent): ReporterState {
  switch (event.type) {
    case 'ReporterRegistered':
      return { ...state, registered: true };
    case 'ReporterErasureRequested':
      return { ...state, erasure: { kind: 'requested', requestedAt: event.data.at } };
    case 'ReporterErasureCompleted':
      return state.erasure.kind === 'none' ? state : { ...state, erasure: { kind: 'completed', requestedAt: state.erasure.requestedAt } };
  }
}
