import { freeText } from '../values';

/** Text sizes shared by commands and events, so a command that passes always fits its event. */
export const Title = freeText(200);
export const Chronology = freeText(10_000);
export const Reason = freeText(2_000);
export const Message = freeText(10_000);
