import { AccessDeniedError, InvalidArgumentError, NotFoundError, StreamDeletedError, StreamNotFoundError, UnsupportedError, WrongExpectedVersionError } from '@eventstore/db-client';
import { CorruptEvent, WrongExpectedVersion } from '../errors';
import type { ExpectedRevision } from '../port';
import { currentRevisionFromClient } from './esdbRevision';

/** The client's refusal, in the port's terms (its `actualVersion` is a bigint or 'no_stream'). */
export function wrongExpectedVersionFrom(error: WrongExpectedVersionError, streamId: string, expected: ExpectedRevision): WrongExpectedVersion {
  return new WrongExpectedVersion(streamId, expected, currentRevisionFromClient(error.actualVersion));
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError;
}

/** Reading a stream that was never written: the port reads it as empty. */
export function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError;
}

/**
 * Whether a dropped subscription is worth opening again. Connection trouble, leader
 * changes and server restarts are; refusals and our own corruption findings are not,
 * since repeating them would only loop.
 */
export function isTransientSubscriptionError(error: unknown): boolean {
  const permanent = [CorruptEvent, RangeError, AccessDeniedError, InvalidArgumentError, NotFoundError, StreamDeletedError, UnsupportedError];
  return !permanent.some((kind) => error instanceof kind);
}
