import fc from 'fast-check';
import { BUCKET_UPPER_BOUNDS_HOURS, bucketOf, emptyHistogram, percentileHours, withDuration } from '../../projections/shared/durationHistogram';

test('bucket bounds are inclusive above and the last bucket is open', () => {
  expect(bucketOf(0)).toBe(0);
  expect(bucketOf(1)).toBe(0);
  expect(bucketOf(1.01)).toBe(1);
  expect(bucketOf(24)).toBe(BUCKET_UPPER_BOUNDS_HOURS.indexOf(24));
  expect(bucketOf(1e9)).toBe(BUCKET_UPPER_BOUNDS_HOURS.length);
});

test('median and p90 by hand: 1h, 3h, 3h, 30h, 100h', () => {
  const histogram = [1, 3, 3, 30, 100].reduce(withDuration, emptyHistogram());
  expect(histogram.total).toBe(5);
  expect(histogram.medianHours).toBe(4); // 3h lies in (2, 4]
  expect(histogram.p90Hours).toBe(120); // 100h lies in (96, 120]
  expect(percentileHours(emptyHistogram().counts, 0, 0.5)).toBeNull();
});

test('the reported percentile is the upper bound of the bucket holding the exact one', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.constantFrom(0.5, 0.9), (hours, q) => {
      const histogram = hours.reduce(withDuration, emptyHistogram());
      const exact = [...hours].sort((a, b) => a - b)[Math.ceil(q * hours.length) - 1]!;
      const reported = q === 0.5 ? histogram.medianHours : histogram.p90Hours;
      expect(reported).toBe(BUCKET_UPPER_BOUNDS_HOURS[bucketOf(exact)] ?? BUCKET_UPPER_BOUNDS_HOURS.at(-1));
    }),
  );
});
