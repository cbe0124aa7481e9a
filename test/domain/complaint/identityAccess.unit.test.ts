import fc from 'fast-check';
import { complaintEvent, complaintEventRegistry, evolve, viewFor, type ComplaintEvent } from '../../../domain/complaint';
import { AFTER_14, events, T0 } from './fixtures';
import { sequenceArbitrary, simulate } from './simulation';

const accessed = (at = AFTER_14): ComplaintEvent =>
  complaintEvent('ReporterIdentityAccessed', { fields: ['name', 'contact'], readVia: 'oversightComplaint', at });

describe('ReporterIdentityAccessed: a staff read of the reporter identity, recorded in the ledger', () => {
  const schema = complaintEventRegistry.ReporterIdentityAccessed?.schema;

  it('is registered with a schema that takes a read of the name, the contact or both', () => {
    expect(schema?.safeParse({ fields: ['name'], readVia: 'agencyFeed', asAgencyId: 'pemkot-bandung', at: T0 }).success).toBe(true);
    expect(schema?.safeParse({ fields: ['contact', 'name'], readVia: 'oversightComplaint', at: T0 }).success).toBe(true);
  });

  it('refuses a read of nothing, an unknown field, an operation name that is not an identifier, and extra keys', () => {
    expect(schema?.safeParse({ fields: [], readVia: 'agencyFeed', at: T0 }).success).toBe(false);
    expect(schema?.safeParse({ fields: ['nik'], readVia: 'agencyFeed', at: T0 }).success).toBe(false);
    expect(schema?.safeParse({ fields: ['name'], readVia: 'GET /api/x', at: T0 }).success).toBe(false);
    expect(schema?.safeParse({ fields: ['name'], readVia: 'agencyFeed', at: T0, reporterName: 'Budi' }).success).toBe(false);
  });

  it('changes nothing about the complaint, not even updatedAt', () => {
    const submitted = evolve({ exists: false }, events.submitted());
    expect(evolve(submitted, accessed())).toBe(submitted);
  });

  it('leaves no stream that has no submission with a complaint', () => {
    expect(evolve({ exists: false }, accessed())).toEqual({ exists: false });
  });

  it('after any reachable history, leaves every audience view unchanged (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(sequenceArbitrary, (steps) => {
        const trace = simulate(steps);
        const state = trace.at(-1)?.after ?? { exists: false };
        const after = evolve(state, accessed());
        if (!state.exists || !after.exists) return after === state;
        const input = { reporter: { erased: false as const, data: { name: 'Budi', phone: '0812' } } };
        return ([{ kind: 'ombudsman' }, { kind: 'public' }, { kind: 'agency', agencyId: 'pemkot-bandung' }] as const).every(
          (audience) => JSON.stringify(viewFor(audience, { ...input, complaint: after })) === JSON.stringify(viewFor(audience, { ...input, complaint: state })),
        );
      }),
      { numRuns: 300 },
    );
  });
});
