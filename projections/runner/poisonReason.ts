/** What a poison record says of the error that made the event poison: its name and message, bounded. */
export const poisonReason = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
