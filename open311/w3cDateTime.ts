import { JAKARTA_OFFSET } from '../domain/calendar/jakartaTime';

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

/** An instant as a W3C datetime in Jakarta time, with its offset (2025-03-03T09:00:00+07:00), as GeoReport v2 requires. */
export function w3cJakarta(instant: string): string {
  const shifted = new Date(Date.parse(instant) + JAKARTA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}${JAKARTA_OFFSET}`;
}
