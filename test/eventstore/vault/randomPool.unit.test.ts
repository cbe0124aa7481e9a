import { pooledRandomBytes } from '../../../eventstore/vault/randomPool';

describe('pooled random bytes', () => {
  test('each draw has the size asked for, also across pool refills and above the pool size', () => {
    for (const size of [0, 1, 7, 12, 16, 32, 1000, 1024, 5000]) expect(pooledRandomBytes(size)).toHaveLength(size);
  });

  test('no two draws share bytes: 20 000 draws of 16 bytes are all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(pooledRandomBytes(16).toString('hex'));
    expect(seen.size).toBe(20_000);
  });

  test('bytes a caller holds do not change when later draws use up and replace the pool', () => {
    const held = pooledRandomBytes(32);
    const copy = Buffer.from(held);
    for (let i = 0; i < 1_000; i++) pooledRandomBytes(32);
    expect(held.equals(copy)).toBe(true);
  });

  test('the bytes are not all zero (the pool is filled before it is drawn from)', () => {
    const draws = Array.from({ length: 300 }, () => pooledRandomBytes(16));
    expect(draws.every((draw) => draw.some((byte) => byte !== 0))).toBe(true);
  });
});
