import { START as ESDB_START, type Position, type ReadPosition } from '@eventstore/db-client';
import { START, type GlobalPosition } from '../port';

/** Commit and prepare positions are unsigned 64-bit offsets into EventStoreDB's transaction log. */
const HEX_DIGITS = 16;
const MAX_LOG_POSITION = (1n << 64n) - 1n;
const ENCODED = /^[0-9a-f]{32}$/;

function fixedWidthHex(value: bigint, field: string): string {
  if (value < 0n || value > MAX_LOG_POSITION) throw new RangeError(`EventStoreDB ${field} position out of range: ${value}`);
  return value.toString(16).padStart(HEX_DIGITS, '0');
}

/**
 * $all is ordered by commit position, then prepare position. Fixed-width hex of both,
 * commit first, makes plain string comparison follow that order; both halves are kept
 * because events of one append share a commit position.
 */
export function encodeEsdbPosition(position: Position): GlobalPosition {
  return `${fixedWidthHex(position.commit, 'commit')}${fixedWidthHex(position.prepare, 'prepare')}` as GlobalPosition;
}

/** The client's position to read or subscribe from; START is the beginning of $all. */
export function decodeEsdbPosition(position: GlobalPosition): ReadPosition {
  if (position === START) return ESDB_START;
  if (!ENCODED.test(position)) throw new RangeError(`not an EventStoreDB position: ${JSON.stringify(position)}`);
  return {
    commit: BigInt(`0x${position.slice(0, HEX_DIGITS)}`),
    prepare: BigInt(`0x${position.slice(HEX_DIGITS)}`),
  };
}
