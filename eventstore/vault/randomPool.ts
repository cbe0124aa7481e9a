import { randomBytes, randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;

let pool = Buffer.alloc(0);
let taken = 0;

/**
 * `size` bytes from the CSPRNG, like `randomBytes`, for the many small draws of a request
 * (IVs, salts, data keys, tracking ids, access codes): one randomFillSync per 4 KiB instead
 * of a call per draw. Every byte goes to one draw only, and a used-up pool is replaced, not
 * refilled, so bytes a caller holds never change under it.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES / 4) return randomBytes(size);
  if (taken + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES));
    taken = 0;
  }
  const draw = pool.subarray(taken, taken + size);
  taken += size;
  return draw;
}
