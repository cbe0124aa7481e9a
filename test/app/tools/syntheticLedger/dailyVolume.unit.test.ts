import { createWorkingDayCalendar } from '../../../../domain/calendar';
import { dailyVolumes } from '../../../../app/tools/syntheticLedger/dailyVolume';
import { Prng } from '../../../../app/tools/syntheticLedger/prng';

const volumes = dailyVolumes('2012-01-01', '2025-12-31', 1_390_000, new Prng(1), createWorkingDayCalendar());
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('dailyVolumes', () => {
  it('adds up to exactly the total, one entry per day', () => {
    expect(volumes.reduce((a, d) => a + d.complaints, 0)).toBe(1_390_000);
    expect(volumes[0]!.date).toBe('2012-01-01');
    expect(volumes.at(-1)!.date).toBe('2025-12-31');
  });

  it('grows year on year to about 570 a day in recent years (400-800), with peak days far above', () => {
    const recent = volumes.filter((d) => d.date >= '2023-01-01').map((d) => d.complaints);
    const early = volumes.filter((d) => d.date < '2013-01-01').map((d) => d.complaints);
    expect(mean(recent)).toBeGreaterThan(400);
    expect(mean(recent)).toBeLessThan(800);
    expect(mean(early)).toBeLessThan(mean(recent) / 3);
    expect(Math.max(...recent)).toBeGreaterThan(2.5 * mean(recent));
  });

  it('is quieter on weekends than on weekdays', () => {
    const day = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    const recent = volumes.filter((d) => d.date >= '2024-01-01');
    expect(mean(recent.filter((d) => day(d.date) === 0 || day(d.date) === 6).map((d) => d.complaints))).toBeLessThan(
      0.6 * mean(recent.filter((d) => day(d.date) === 2).map((d) => d.complaints)),
    );
  });
});

describe('Prng', () => {
  it('repeats its sequence for a seed and spreads uniformly', () => {
    const a = new Prng(9);
    const b = new Prng(9);
    const draws = Array.from({ length: 10_000 }, () => a.next());
    expect(Array.from({ length: 10_000 }, () => b.next())).toEqual(draws);
    expect(Math.abs(mean(draws) - 0.5)).toBeLessThan(0.02);
    expect(new Prng(9).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
