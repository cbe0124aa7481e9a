import { parseTrackingId, type TrackingId } from '../../domain/trackingId';

/** What an SMS to 1708 asks for. */
export type SmsRequest = { readonly kind: 'report'; readonly text: string } | { readonly kind: 'status'; readonly trackingId: TrackingId } | { readonly kind: 'help' };

const KEYWORD = /^\s*(LAPOR|STATUS)(?![A-Z0-9])[\s#:]*([\s\S]*)$/i;

/** `LAPOR <report>` files, `STATUS <tracking id>` asks for the status (typed any way it is readable); anything else gets help. */
export function smsRequestOf(text: string): SmsRequest {
  const match = KEYWORD.exec(text);
  if (!match) return { kind: 'help' };
  const rest = match[2]!.trim();
  if (match[1]!.toUpperCase() === 'LAPOR') return rest.length > 0 ? { kind: 'report', text: rest } : { kind: 'help' };
  const parsed = parseTrackingId(rest);
  return parsed.ok ? { kind: 'status', trackingId: parsed.trackingId } : { kind: 'help' };
}
