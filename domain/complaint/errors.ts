/**
 * Why decide refused a command. kind maps to HTTP (forbidden 403, conflict 409,
 * invalid 422/400); code is stable for clients and tests; message is for people.
 */
export type ForbiddenCode = 'role_not_permitted' | 'not_the_reporter' | 'not_the_owning_agency';

export type ConflictCode =
  | 'complaint_not_found'
  | 'already_submitted'
  | 'complaint_closed'
  | 'not_in_admin_queue'
  | 'already_on_hold'
  | 'already_awaiting_information'
  | 'not_awaiting_acceptance'
  | 'not_in_progress'
  | 'not_accepted'
  | 'already_delegated_to_unit'
  | 'not_resolved'
  | 'already_resolved'
  | 'reply_window_elapsed'
  | 'not_open_for_supplement'
  | 'already_rated'
  | 'confidential_complaint'
  | 'own_complaint'
  | 'already_supported'
  | 'already_confidential'
  | 'no_personal_data'
  | 'already_erased'
  | 'not_due';

export type InvalidCode =
  | 'invalid_command'
  | 'unknown_agency'
  | 'not_a_unit_of_agency'
  | 'suggested_own_agency'
  | 'merge_into_itself'
  | 'incident_date_in_future'
  | 'channel_not_permitted'
  | 'channel_message_id_required';

export type DomainError =
  | { readonly kind: 'forbidden'; readonly code: ForbiddenCode; readonly message: string }
  | { readonly kind: 'conflict'; readonly code: ConflictCode; readonly message: string }
  | { readonly kind: 'invalid'; readonly code: InvalidCode; readonly message: string };

export type DomainErrorCode = DomainError['code'];

export const forbidden = (code: ForbiddenCode, message: string): DomainError => ({ kind: 'forbidden', code, message });
export const conflict = (code: ConflictCode, message: string): DomainError => ({ kind: 'conflict', code, message });
export const invalid = (code: InvalidCode, message: string): DomainError => ({ kind: 'invalid', code, message });
