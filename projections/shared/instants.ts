/**
 * Instants as sortable keys: UTC ISO text of fixed width orders like time on every store
 * (the domain's instants carry offsets, which do not). Absent deadlines sort last.
 */
export const NO_INSTANT = '9999-12-31T23:59:59.999Z';

export const sortableInstant = (instant: string | undefined): string => (instant === undefined ? NO_INSTANT : new Date(instant).toISOString());
