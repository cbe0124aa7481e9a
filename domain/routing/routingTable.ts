import type { ComplaintCategory } from './categories';
import type { LocalUnitSlug } from './localGovernmentUnits';

/**
 * Where a category goes. `national`: one body for the whole country. `regency` /
 * `province`: the local government of the complaint's region at that tier (optionally a
 * named dinas of it), following the division of government affairs in UU 23/2014
 * (Lampiran) and the sector laws named in `why`.
 */
export type RoutingRule =
  | { readonly level: 'national'; readonly agencyId: string; readonly why: string }
  | {
      readonly level: 'regency' | 'province';
      readonly unit?: LocalUnitSlug;
      readonly why: string;
      /** No specific rule exists, so an existing agency the reporter named is a better guess than the fallback. */
      readonly preferReporterSuggestion?: true;
    };

const national = (agencyId: string, why: string): RoutingRule => ({ level: 'national', agencyId, why });
const regency = (unit: LocalUnitSlug | undefined, why: string): RoutingRule =>
  unit === undefined ? { level: 'regency', why } : { level: 'regency', unit, why };
const province = (unit: LocalUnitSlug, why: string): RoutingRule => ({ level: 'province', unit, why });

export const routingTable: Readonly<Record<ComplaintCategory, RoutingRule>> = {
  kesehatan: regency('dinkes', 'puskesmas and regional health services are a regency/city affair (UU 23/2014)'),
  'jaminan-kesehatan': national('bpjs-kesehatan', 'JKN membership and claims are run by BPJS Kesehatan (UU 24/2011)'),
  'obat-dan-makanan': national('bpom', 'food and drug supervision is BPOM\'s (Perpres 80/2017)'),
  pendidikan: regency('disdik', 'PAUD, SD and SMP are managed by the regency/city (UU 23/2014)'),
  'pendidikan-menengah': province('disdik', 'SMA, SMK and SLB are managed by the province (UU 23/2014)'),
  'pendidikan-tinggi': national('kemdiktisaintek', 'higher education is a national affair'),
  infrastruktur: regency(
    'dinas-pupr',
    'local roads, bridges and drainage are the regency/city\'s; national roads go to Kementerian PU on re-routing',
  ),
  perumahan: regency(undefined, 'housing and settlement services are a regency/city affair (UU 23/2014)'),
  kependudukan: regency(
    'disdukcapil',
    'KTP-el, KK and civil certificates are issued by the regency/city Disdukcapil (UU 24/2013)',
  ),
  ketenagakerjaan: regency('disnaker', 'labour disputes and placement start at the regency/city (UU 23/2014)'),
  'jaminan-sosial-ketenagakerjaan': national(
    'bpjs-ketenagakerjaan',
    'employment social security is run by BPJS Ketenagakerjaan (UU 24/2011)',
  ),
  'pekerja-migran': national('kp2mi', 'migrant worker protection is KP2MI\'s (UU 18/2017)'),
  perhubungan: regency('dishub', 'local transport, terminals and parking are the regency/city\'s (UU 22/2009)'),
  'lingkungan-hidup': regency('dlh', 'waste and local pollution are the regency/city\'s (UU 32/2009)'),
  kehutanan: national('kemenhut', 'forest management is a national (and provincial) affair, not the regency\'s (UU 23/2014)'),
  pertanahan: national('atr-bpn', 'land registration and certificates are a national affair of ATR/BPN'),
  'energi-listrik': national('pln', 'electricity supply and billing are PLN\'s'),
  'energi-bbm-lpg': national('pertamina', 'fuel and LPG distribution is Pertamina\'s'),
  sosial: regency('dinsos', 'social assistance data and distribution start at the regency/city Dinas Sosial'),
  'makan-bergizi-gratis': national('bgn', 'the free meals programme is run by Badan Gizi Nasional (Perpres 83/2024)'),
  perpajakan: national('kemenkeu/djp', 'central taxes (PPh, PPN) are administered by the Directorate General of Taxes'),
  'bea-cukai': national('kemenkeu/djbc', 'customs and excise are administered by the Directorate General of Customs and Excise'),
  'pajak-daerah': regency(undefined, 'regional taxes and levies are collected by the local government (UU 1/2022)'),
  'jasa-keuangan': national('ojk', 'banks, insurers and online lenders are supervised by OJK (UU 21/2011)'),
  kepolisian: national('polri', 'police services are POLRI\'s'),
  'ketertiban-umum': regency('satpol-pp', 'public order and local regulations are enforced by Satpol PP (PP 16/2018)'),
  agama: national('kemenag', 'religion is an absolute central affair (UU 23/2014)'),
  'haji-umrah': national('kemenhaj', 'hajj and umrah are run by Kementerian Haji dan Umrah since 2025'),
  'komunikasi-digital': national('komdigi', 'telecommunications and digital services are Komdigi\'s'),
  keimigrasian: national('kemenimipas/imigrasi', 'passports and visas are issued by the Directorate General of Immigration'),
  kepegawaian: national('bkn', 'civil service personnel administration is BKN\'s'),
  perdagangan: national('kemendag', 'trade and consumer protection policy is Kemendag\'s'),
  pertanian: regency(undefined, 'agricultural extension and livestock services are a regency/city affair'),
  'kelautan-perikanan': national('kkp', 'marine and fisheries licensing is KKP\'s (sea up to 12 miles: the province)'),
  desa: regency(undefined, 'village government and village funds are supervised by the regency/city (UU 6/2014)'),
  'perempuan-dan-anak': regency(undefined, 'women and child protection services are a regency/city affair (UU 23/2014)'),
  'penanggulangan-bencana': regency(undefined, 'disaster response starts with the regional BPBD (UU 24/2007)'),
  lainnya: {
    level: 'regency',
    why: 'no specific rule: the local government of the region is the first door',
    preferReporterSuggestion: true,
  },
};
