import type { Prng } from './prng';

/** A fixed table of choices with relative weights, drawn from in O(log n). */
export class WeightedChoice<T> {
  private readonly items: readonly T[];
  private readonly cumulative: readonly number[];

  constructor(table: readonly (readonly [T, number])[]) {
    let total = 0;
    this.items = table.map(([item]) => item);
    this.cumulative = table.map(([, weight]) => (total += weight));
    if (table.length === 0 || total <= 0) throw new RangeError('a weighted choice needs a positive total weight');
  }

  draw(prng: Prng): T {
    const target = prng.next() * (this.cumulative.at(-1) as number);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low] as T;
  }
}
