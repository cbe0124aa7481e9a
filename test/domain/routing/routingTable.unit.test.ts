import { agencyRegistry, ComplaintCategory, categoryNames, routingTable } from '../../../domain/routing';

describe('routing table', () => {
  it.each(ComplaintCategory.options)('%s has names in both languages and a rule with a reason', (category) => {
    expect(categoryNames[category].id).not.toBe('');
    expect(categoryNames[category].en).not.toBe('');
    expect(routingTable[category].why).not.toBe('');
  });

  it('sends national categories only to registered agencies', () => {
    for (const rule of Object.values(routingTable)) {
      if (rule.level === 'national') expect(agencyRegistry.exists(rule.agencyId)).toBe(true);
    }
  });

  it('uses unique category slugs', () => {
    expect(new Set(ComplaintCategory.options).size).toBe(ComplaintCategory.options.length);
  });
});
