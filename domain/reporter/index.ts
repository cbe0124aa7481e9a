export { ReporterErasureCompleted, ReporterErasureRequested, ReporterRegistered, reporterEventRegistry, type ReporterEvent } from './events';
export { evolveReporter, initialReporterState, type ReporterErasure, type ReporterState } from './state';
export { decideReporter, ERASURE_SETTLE_MS, type ReporterCommand, type ReporterDecision } from './decide';
