import { agencyRegistry, ComplaintCategory, proposeAgency, type ProposeAgencyInput, regionData } from '../../../domain/routing';

const proposedFor = (input: ProposeAgencyInput) => {
  const result = proposeAgency(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.proposal;
};

describe('proposeAgency: the routing table on real cases', () => {
  it.each<[string, ComplaintCategory, string, string]>([
    ['a puskesmas in Bandung', 'kesehatan', '32.73', 'pemkot-32.73/dinkes'],
    ['a puskesmas in a Bandung district (Sukasari)', 'kesehatan', '32.73.01', 'pemkot-32.73/dinkes'],
    ['a hospital in Kabupaten Aceh Selatan', 'kesehatan', '11.01', 'pemkab-11.01/dinkes'],
    ['an SD in Kota Surabaya', 'pendidikan', '35.78', 'pemkot-35.78/disdik'],
    ['an SMA in Kota Surabaya goes to the province', 'pendidikan-menengah', '35.78', 'pemprov-35/disdik'],
    ['a KTP-el in Kabupaten Bogor', 'kependudukan', '32.01', 'pemkab-32.01/disdukcapil'],
    ['a broken road in Kota Makassar', 'infrastruktur', '73.71', 'pemkot-73.71/dinas-pupr'],
    ['uncollected rubbish in Kota Medan', 'lingkungan-hidup', '12.71', 'pemkot-12.71/dlh'],
    ['bansos in Kabupaten Sleman', 'sosial', '34.04', 'pemkab-34.04/dinsos'],
    ['illegal parking in Kota Semarang', 'perhubungan', '33.74', 'pemkot-33.74/dishub'],
    ['street vendors in Kota Denpasar', 'ketertiban-umum', '51.71', 'pemkot-51.71/satpol-pp'],
    ['village funds in Kabupaten Garut', 'desa', '32.05', 'pemkab-32.05'],
    ['a puskesmas in Jakarta Pusat goes to Pemprov DKI', 'kesehatan', '31.71', 'pemprov-31/dinkes'],
    ['a KTP-el in Jakarta Timur goes to Pemprov DKI', 'kependudukan', '31.75', 'pemprov-31/disdukcapil'],
    ['a health matter with only a province', 'kesehatan', '32', 'pemprov-32/dinkes'],
    ['a KTP-el with only a province (no provincial Disdukcapil)', 'kependudukan', '32', 'pemprov-32'],
    ['income tax', 'perpajakan', '32.73', 'kemenkeu/djp'],
    ['an import held at customs', 'bea-cukai', '21.71', 'kemenkeu/djbc'],
    ['a police report in Aceh', 'kepolisian', '11.01', 'polri'],
    ['a blackout in Papua', 'energi-listrik', '91.71', 'pln'],
    ['LPG shortage', 'energi-bbm-lpg', '33.74', 'pertamina'],
    ['a land certificate', 'pertanahan', '36.03', 'atr-bpn'],
    ['a JKN claim refused', 'jaminan-kesehatan', '32.73', 'bpjs-kesehatan'],
    ['a JHT payout', 'jaminan-sosial-ketenagakerjaan', '31.74', 'bpjs-ketenagakerjaan'],
    ['an online lender harassing a borrower', 'jasa-keuangan', '31.74', 'ojk'],
    ['a passport delayed', 'keimigrasian', '35.78', 'kemenimipas/imigrasi'],
    ['a hajj quota', 'haji-umrah', '73.71', 'kemenhaj'],
    ['a free school meal', 'makan-bergizi-gratis', '33.74', 'bgn'],
    ['an unregistered drug', 'obat-dan-makanan', '12.71', 'bpom'],
    ['a university fee', 'pendidikan-tinggi', '34.71', 'kemdiktisaintek'],
    ['anything else in Kota Bandung', 'lainnya', '32.73', 'pemkot-32.73'],
  ])('%s', (_case, category, regionCode, agencyId) => {
    const proposal = proposedFor({ category, regionCode });
    expect(proposal).toMatchObject({ agencyId, basis: 'routing-table', alsoConsider: [] });
    expect(proposal.reason).toContain(agencyId);
  });

  it('proposes something registered for every category in every regency', () => {
    for (const category of ComplaintCategory.options) {
      for (const regency of regionData.regencies) {
        const result = proposeAgency({ category, regionCode: regency.code });
        expect(result.ok && agencyRegistry.exists(result.proposal.agencyId)).toBe(true);
      }
    }
  });

  it('explains the Jakarta administrative-area rule in the reason', () => {
    expect(proposedFor({ category: 'kesehatan', regionCode: '31.71.01' }).reason).toBe(
      'Kesehatan in Gambir, Kota Administrasi Jakarta Pusat: puskesmas and regional health services are a regency/city affair (UU 23/2014); ' +
        'Kota Administrasi Jakarta Pusat is an administrative area served by the province -> Dinas Kesehatan Provinsi DKI Jakarta (pemprov-31/dinkes)',
    );
  });

  describe("the reporter's suggestion", () => {
    it('is followed when it names a unit of the proposed agency', () => {
      expect(proposedFor({ category: 'kepolisian', regionCode: '11.01', suggestedAgencyId: 'polri/korlantas' })).toMatchObject({
        agencyId: 'polri/korlantas',
        basis: 'reporter-suggestion',
        alsoConsider: ['polri'],
      });
    });

    it('changes nothing when it names the proposed agency', () => {
      expect(proposedFor({ category: 'perpajakan', regionCode: '32.73', suggestedAgencyId: 'kemenkeu/djp' })).toMatchObject({
        agencyId: 'kemenkeu/djp',
        basis: 'routing-table',
        alsoConsider: [],
      });
    });

    it('is listed, not followed, when it names another agency', () => {
      const proposal = proposedFor({ category: 'kesehatan', regionCode: '32.73', suggestedAgencyId: 'kemenkes' });
      expect(proposal).toMatchObject({ agencyId: 'pemkot-32.73/dinkes', basis: 'routing-table', alsoConsider: ['kemenkes'] });
      expect(proposal.reason).toContain('the reporter named Kementerian Kesehatan (kemenkes)');
    });

    it('is listed, not followed, when it names a sibling dinas', () => {
      expect(proposedFor({ category: 'kesehatan', regionCode: '32.73', suggestedAgencyId: 'pemkot-32.73/disdik' })).toMatchObject({
        agencyId: 'pemkot-32.73/dinkes',
        alsoConsider: ['pemkot-32.73/disdik'],
      });
    });

    it('is followed when the category has no specific rule', () => {
      expect(proposedFor({ category: 'lainnya', regionCode: '32.73', suggestedAgencyId: 'bps' })).toMatchObject({
        agencyId: 'bps',
        basis: 'reporter-suggestion',
        alsoConsider: ['pemkot-32.73'],
      });
    });

    it('is ignored, with a note, when it is not a registered agency', () => {
      const proposal = proposedFor({ category: 'kesehatan', regionCode: '32.73', suggestedAgencyId: 'dinkes-bandung' });
      expect(proposal).toMatchObject({ agencyId: 'pemkot-32.73/dinkes', basis: 'routing-table', alsoConsider: [] });
      expect(proposal.reason).toContain('"dinkes-bandung" is not a registered agency');
    });
  });

  it.each(['99', '32.99', '32-73', '', '32.73.99'])('returns an error for the unknown region %j', (regionCode) => {
    expect(proposeAgency({ category: 'kesehatan', regionCode })).toEqual({
      ok: false,
      error: { code: 'unknown-region', message: expect.stringContaining(JSON.stringify(regionCode)) },
    });
  });
});
