import { defaultTimeLimits, resolveTimeLimits, TimeLimits, TimeLimitsOverride } from '../../domain/timeLimits';

describe('time limits', () => {
  it('default to the SP4N-LAPOR! numbers', () => {
    expect(defaultTimeLimits).toEqual({
      verificationDays: 3,
      agencyFollowUpDays: 5,
      reporterReplyDays: 10,
      resolutionDays: { short: 5, medium: 14, long: 60 },
      unownedAlertDays: 8,
      declinesBeforeEscalation: 2,
      allowDeclineToNamedAgency: false,
    });
    expect(TimeLimits.parse(defaultTimeLimits)).toEqual(defaultTimeLimits);
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(defaultTimeLimits)).toBe(true);
    expect(Object.isFrozen(defaultTimeLimits.resolutionDays)).toBe(true);
  });

  it('take a partial override from configuration, tier by tier', () => {
    expect(resolveTimeLimits({ agencyFollowUpDays: 7, resolutionDays: { long: 45 }, allowDeclineToNamedAgency: true })).toEqual({
      ...defaultTimeLimits,
      agencyFollowUpDays: 7,
      resolutionDays: { short: 5, medium: 14, long: 45 },
      allowDeclineToNamedAgency: true,
    });
    expect(resolveTimeLimits()).toEqual(defaultTimeLimits);
  });

  it.each([
    ['zero days', { verificationDays: 0 }],
    ['negative days', { reporterReplyDays: -1 }],
    ['fractional days', { agencyFollowUpDays: 2.5 }],
    ['a number as text', { verificationDays: '3' }],
    ['an unknown key (a typo must not pass silently)', { verificationDay: 3 }],
    ['an unknown tier', { resolutionDays: { urgent: 1 } }],
    ['no decline allowed before escalation', { declinesBeforeEscalation: 0 }],
  ])('reject %s', (_why, override) => {
    expect(TimeLimitsOverride.safeParse(override).success).toBe(false);
    expect(() => resolveTimeLimits(override)).toThrow();
  });

  it('reject tiers that shrink, even when each value is valid on its own', () => {
    expect(() => resolveTimeLimits({ resolutionDays: { medium: 70 } })).toThrow(/short <= medium <= long/);
  });
});
