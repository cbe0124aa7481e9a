import type { ReporterEvent } from './events';

/** Where a reporter's erasure stands; an account that never asked is `none`. */
export type ReporterErasure =
  | { readonly kind: 'none' }
  | { readonly kind: 'requested'; readonly requestedAt: string }
  | { readonly kind: 'completed'; readonly requestedAt: string };

export interface ReporterState {
  readonly erasure: ReporterErasure;
}

export const initialReporterState: ReporterState = { erasure: { kind: 'none' } };

export function evolveReporter(state: ReporterState, event: ReporterEvent): ReporterState {
  switch (event.type) {
    case 'ReporterErasureRequested':
      return { erasure: { kind: 'requested', requestedAt: event.data.at } };
    case 'ReporterErasureCompleted':
      return state.erasure.kind === 'none' ? state : { erasure: { kind: 'completed', requestedAt: state.erasure.requestedAt } };
  }
}
