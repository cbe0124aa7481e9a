import { START, type GlobalPosition } from '../port';

/**
 * A ledger position is (appending transaction id, global_position): the order in which
 * gap-safe readers deliver events. Both parts are written as fixed-width hex so that
 * string order equals delivery order, as the port promises.
 */
export interface LedgerPosition {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
}

const WIDTH = 16;

export function encodeLedgerPosition(position: LedgerPosition): GlobalPosition {
  return `${position.transactionId.toString(16).padStart(WIDTH, '0')}${position.globalPosition.toString(16).padStart(WIDTH, '0')}` as GlobalPosition;
}

export function decodeLedgerPosition(position: GlobalPosition): LedgerPosition {
  if (position === START) return { transactionId: 0n, globalPosition: 0n };
  if (!/^[0-9a-f]{32}$/.test(position)) throw new Error(`not a ledger position: ${position}`);
  return { transactionId: BigInt(`0x${position.slice(0, WIDTH)}`), globalPosition: BigInt(`0x${position.slice(WIDTH)}`) };
}

/** pg returns int8/xid8 as strings, PGlite as number or bigint: one way in. */
export function toBigInt(value: string | number | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}
