import { createHash } from 'node:crypto';
import { complaintEventRegistry, rebuild, type ComplaintEvent } from '../../../../domain/complaint';
import { PersonalData } from '../../../../domain/personalData';
import { prepareEvents } from '../../../../eventstore/preparedEvent';
import { gcmOpen } from '../../../../eventstore/vault/aesGcm';
import { CHANNEL_SHARES, ANONYMOUS_SHARE } from '../../../../app/tools/syntheticLedger/complaintProfile';
import { OUTCOME_SHARES } from '../../../../app/tools/syntheticLedger/outcomePlans';
import { generateSyntheticLedger, type GeneratedComplaint } from '../../../../app/tools/syntheticLedger/syntheticLedger';
import { syntheticDataKey } from '../../../../app/tools/syntheticLedger/syntheticSealing';

const SAMPLE = 3000;
const take = (n: number, seed: number, extra: { personalData?: boolean } = {}): GeneratedComplaint[] => [...generateSyntheticLedger({ complaints: n, seed, ...extra })];
const sample = take(SAMPLE, 42);
const submittedData = (c: GeneratedComplaint) => c.events[0]!.data as { channel: string; anonymous: boolean; reporter?: { keyId: string; iv: string; ciphertext: string; tag: string } };
const share = (count: number): number => count / SAMPLE;
const percent = (table: readonly (readonly [unknown, number])[], weight: number): number => weight / table.reduce((a, [, w]) => a + w, 0);

describe('synthetic ledger: determinism', () => {
  it('gives byte-identical streams for the same seed', () => {
    // A digest, so that a failure does not print two ledgers.
    const digest = (complaints: GeneratedComplaint[]) => createHash('sha256').update(JSON.stringify(complaints)).digest('hex');
    expect(digest(take(300, 42))).toBe(digest(take(300, 42)));
  });

  it('gives different streams for another seed', () => {
    expect(take(20, 43).map((c) => c.streamId)).not.toEqual(take(20, 42).map((c) => c.streamId));
  });

  it('writes exactly the number of complaints asked for, in submission order within the range', () => {
    const small = take(500, 1, { personalData: false });
    expect(small).toHaveLength(500);
    const first = small[0]!.events[0]!.metadata.occurredAt;
    expect(Date.parse(first)).toBeGreaterThanOrEqual(Date.parse('2012-01-01T00:00:00+07:00'));
    expect(small.every((c) => Date.parse(c.events.at(-1)!.metadata.occurredAt) <= Date.parse('2025-12-31T23:59:59.999+07:00'))).toBe(true);
  });
});

describe('synthetic ledger: every stream is valid', () => {
  it('has no move refused by the domain', () => {
    expect(sample.filter((c) => c.refusal !== undefined).map((c) => c.refusal)).toEqual([]);
  });

  it('passes the event store validation and rebuilds into an existing complaint with revisions in time order', () => {
    for (const complaint of sample) {
      expect(() => prepareEvents(complaintEventRegistry, complaint.streamId, complaint.events)).not.toThrow();
      const state = rebuild(complaint.events.map((e) => ({ type: e.type, data: e.data }) as ComplaintEvent));
      expect(state.exists).toBe(true);
      const times = complaint.events.map((e) => Date.parse(e.metadata.occurredAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
  });

  it('seals personal data so that the reporter key opens it, and leaves it out on request', () => {
    const sealed = submittedData(sample[0]!).reporter!;
    const plain = gcmOpen(syntheticDataKey(42, sealed.keyId), { iv: Buffer.from(sealed.iv, 'base64'), ciphertext: Buffer.from(sealed.ciphertext, 'base64'), tag: Buffer.from(sealed.tag, 'base64') }, sealed.keyId);
    expect(PersonalData.safeParse(JSON.parse(plain.toString('utf8'))).success).toBe(true);
    expect(take(50, 42, { personalData: false }).every((c) => submittedData(c).reporter === undefined && c.newVaultKey === undefined)).toBe(true);
  });
});

describe('synthetic ledger: distribution (3000 complaints, seed 42)', () => {
  it('uses every channel at its share within 3 percentage points', () => {
    for (const [channel, weight] of CHANNEL_SHARES) {
      const observed = share(sample.filter((c) => submittedData(c).channel === channel).length);
      expect(Math.abs(observed - percent(CHANNEL_SHARES, weight))).toBeLessThan(0.03);
    }
  });

  it('marks about 10% anonymous (within 2 points)', () => {
    expect(Math.abs(share(sample.filter((c) => submittedData(c).anonymous).length) - ANONYMOUS_SHARE)).toBeLessThan(0.02);
  });

  it('rejects 12-22% of reports and escalates, declines, rates and reopens some', () => {
    const typeShare = (type: string) => share(sample.filter((c) => c.events.some((e) => e.type === type)).length);
    expect(typeShare('ComplaintRejected')).toBeGreaterThan(0.12);
    expect(typeShare('ComplaintRejected')).toBeLessThan(0.22);
    for (const type of ['ComplaintEscalated', 'AssignmentDeclined', 'OutcomeRated', 'ComplaintReopened', 'ComplaintMerged', 'ComplaintPutOnHold', 'InformationRequested']) {
      expect(typeShare(type)).toBeGreaterThan(0.005);
    }
    expect(typeShare('ComplaintClosed')).toBeGreaterThan(0.5);
  });

  it('draws outcomes at their shares within 3 points (outcomes needing an account fall back to plain resolution)', () => {
    for (const [outcome, weight] of OUTCOME_SHARES) {
      const observed = share(sample.filter((c) => c.outcome === outcome).length);
      if (outcome === 'resolved') expect(observed).toBeGreaterThan(percent(OUTCOME_SHARES, weight));
      else expect(observed).toBeLessThan(percent(OUTCOME_SHARES, weight) + 0.03);
    }
  });

  it('reuses reporters: about 801 distinct for 1390 reports (within 8 points), with some filing many', () => {
    const keys = sample.map((c) => submittedData(c).reporter!.keyId);
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    expect(Math.abs(counts.size / SAMPLE - 801 / 1390)).toBeLessThan(0.08);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(5);
    expect(sample.filter((c) => c.newVaultKey !== undefined)).toHaveLength(counts.size);
  });

  it('routes to many agencies of the registry', () => {
    const agencies = new Set(sample.flatMap((c) => c.events.filter((e) => e.type === 'ComplaintDisposed').map((e) => (e.data as { agencyId: string }).agencyId)));
    expect(agencies.size).toBeGreaterThan(600);
  });
});
