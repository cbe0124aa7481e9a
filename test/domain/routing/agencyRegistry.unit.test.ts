import { Agency, agencyRegistry, createAgencyRegistry, nationalAgencyFile, regionData } from '../../../domain/routing';

const all = agencyRegistry.list();
const ofKind = (kind: Agency['kind']) => all.filter((agency) => agency.kind === kind);

describe('agency registry', () => {
  it('holds a government for each of the 38 provinces and 514 regencies/cities', () => {
    expect(ofKind('pemerintah-provinsi')).toHaveLength(38);
    const regencyGovernments = all.filter((a) => a.kind !== 'unit' && a.regionCode?.length === 5);
    expect(regencyGovernments).toHaveLength(514);
    expect(new Set(regencyGovernments.map((a) => a.regionCode))).toEqual(new Set(regionData.regencies.map((r) => r.code)));
    for (const province of regionData.provinces) expect(agencyRegistry.exists(`pemprov-${province.code}`)).toBe(true);
  });

  it('distinguishes regencies, cities and Jakarta administrative areas', () => {
    expect(ofKind('pemerintah-kabupaten')).toHaveLength(415);
    expect(ofKind('pemerintah-kota')).toHaveLength(93);
    expect(ofKind('kota-administrasi').map((a) => a.id)).toEqual(['pemkot-31.71', 'pemkot-31.72', 'pemkot-31.73', 'pemkot-31.74', 'pemkot-31.75']);
    expect(ofKind('kabupaten-administrasi').map((a) => a.id)).toEqual(['pemkab-31.01']);
  });

  it.each([
    ['pemprov-11', 'Pemerintah Provinsi Aceh'],
    ['pemkab-11.01', 'Pemerintah Kabupaten Aceh Selatan'],
    ['pemkot-11.71', 'Pemerintah Kota Banda Aceh'],
    ['pemkot-31.71', 'Pemerintah Kota Administrasi Jakarta Pusat'],
    ['pemkot-32.73/dinkes', 'Dinas Kesehatan Kota Bandung'],
    ['pemprov-32/disdik', 'Dinas Pendidikan Provinsi Jawa Barat'],
    ['pemprov-31/disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil Provinsi DKI Jakarta'],
    ['kemenkes', 'Kementerian Kesehatan'],
    ['kemenkeu/djp', 'Direktorat Jenderal Pajak'],
    ['kemendagri/dukcapil', 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil'],
    ['atr-bpn', 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional'],
    ['kemenhaj', 'Kementerian Haji dan Umrah'],
    ['bpjs-kesehatan', 'Badan Penyelenggara Jaminan Sosial Kesehatan'],
    ['polri', 'Kepolisian Negara Republik Indonesia'],
    ['pln', 'PT Perusahaan Listrik Negara (Persero)'],
  ])('%s is %s', (id, name) => {
    expect(agencyRegistry.get(id)?.name).toBe(name);
  });

  it('holds the 48 ministries of the Kabinet Merah Putih as of its last check (7 coordinating + 41)', () => {
    expect(ofKind('kementerian-koordinator')).toHaveLength(7);
    expect(ofKind('kementerian')).toHaveLength(41);
    // Kementerian BUMN became Badan Pengaturan BUMN (UU 16/2025); BP Haji became a ministry.
    expect(all.some((a) => a.name === 'Kementerian Badan Usaha Milik Negara')).toBe(false);
    expect(agencyRegistry.get('bp-bumn')?.kind).toBe('lembaga');
    expect(nationalAgencyFile.sources.length).toBeGreaterThan(0);
  });

  it('gives every agency a unique id', () => {
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
  });

  it('has parent links that exist and end without a cycle', () => {
    for (const agency of all) {
      const seen = new Set<string>();
      for (let id: string | undefined = agency.id; id !== undefined; id = agencyRegistry.parentOf(id)) {
        expect(seen.has(id)).toBe(false);
        expect(agencyRegistry.exists(id)).toBe(true);
        seen.add(id);
      }
    }
  });

  it('links a unit to its agency and a Jakarta administrative city to the province, never a regency to its province', () => {
    expect(agencyRegistry.parentOf('pemkot-32.73/dinkes')).toBe('pemkot-32.73');
    expect(agencyRegistry.parentOf('kemenkeu/djp')).toBe('kemenkeu');
    expect(agencyRegistry.parentOf('pemkot-31.71')).toBe('pemprov-31');
    expect(agencyRegistry.parentOf('pemkot-32.73')).toBeUndefined();
    expect(agencyRegistry.parentOf('kemenkes')).toBeUndefined();
    expect(agencyRegistry.parentOf('no-such-agency')).toBeUndefined();
  });

  it('lists the units of an agency', () => {
    expect(agencyRegistry.unitsOf('kemenkeu').map((a) => a.id)).toEqual(['kemenkeu/djp', 'kemenkeu/djbc']);
    expect(agencyRegistry.unitsOf('pemkot-32.73').map((a) => a.id)).toContain('pemkot-32.73/disdukcapil');
    expect(agencyRegistry.unitsOf('pemprov-32').map((a) => a.id)).not.toContain('pemprov-32/disdukcapil');
    expect(agencyRegistry.unitsOf('pemprov-31').some((a) => a.kind !== 'unit')).toBe(false);
    expect(agencyRegistry.unitsOf('pemkot-31.71')).toEqual([]);
  });

  it('knows the region of local governments and their units only', () => {
    expect(agencyRegistry.regionOf('pemkot-32.73/dinkes')).toBe('32.73');
    expect(agencyRegistry.regionOf('pemprov-11')).toBe('11');
    expect(agencyRegistry.regionOf('kemenkes')).toBeUndefined();
  });

  it('validates every entry against the Agency schema', () => {
    for (const agency of all) expect(Agency.safeParse(agency).success).toBe(true);
  });

  describe('createAgencyRegistry refuses an inconsistent list', () => {
    const ministry: Agency = { id: 'kemenx', name: 'Kementerian X', kind: 'kementerian' };
    it.each<[string, Agency[], string]>([
      ['a duplicate id', [ministry, ministry], 'duplicate agency id kemenx'],
      ['a missing parent', [{ id: 'kemenx/unit', name: 'Unit', kind: 'unit', parentId: 'kemeny' }], 'parent kemeny does not exist'],
      [
        'a parent cycle',
        [
          { id: 'a', name: 'A', kind: 'lembaga', parentId: 'b' },
          { id: 'b', name: 'B', kind: 'lembaga', parentId: 'a' },
        ],
        'cycle',
      ],
      ['a unit outside its parent id', [ministry, { id: 'kemeny/unit', name: 'Unit', kind: 'unit', parentId: 'kemenx' }], "a unit's id"],
      ['a slash in a non-unit id', [{ id: 'x/y', name: 'X', kind: 'lembaga' }], 'only units'],
    ])('%s', (_label, agencies, message) => {
      expect(() => createAgencyRegistry(agencies)).toThrow(message);
    });
  });
});
