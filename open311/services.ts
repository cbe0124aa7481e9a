import { ComplaintKind } from '../domain/complaint';
import { categoryNames, ComplaintCategory } from '../domain/routing';

/**
 * Our complaint categories as GeoReport v2 services: the category slug is the service_code,
 * its Indonesian name the service_name, its English name the description. Every service
 * takes the same attributes (what the ledger needs beyond the spec's own fields).
 */

/** The spec's groups: categories that belong to one area of government, for a client's menus. */
const GROUPS: Readonly<Record<ComplaintCategory, string>> = {
  kesehatan: 'Kesehatan',
  'jaminan-kesehatan': 'Kesehatan',
  'obat-dan-makanan': 'Kesehatan',
  pendidikan: 'Pendidikan',
  'pendidikan-menengah': 'Pendidikan',
  'pendidikan-tinggi': 'Pendidikan',
  infrastruktur: 'Infrastruktur dan Lingkungan',
  perumahan: 'Infrastruktur dan Lingkungan',
  perhubungan: 'Infrastruktur dan Lingkungan',
  'lingkungan-hidup': 'Infrastruktur dan Lingkungan',
  kehutanan: 'Infrastruktur dan Lingkungan',
  pertanahan: 'Infrastruktur dan Lingkungan',
  'energi-listrik': 'Infrastruktur dan Lingkungan',
  'energi-bbm-lpg': 'Infrastruktur dan Lingkungan',
  'komunikasi-digital': 'Infrastruktur dan Lingkungan',
  'penanggulangan-bencana': 'Infrastruktur dan Lingkungan',
  kependudukan: 'Kependudukan dan Sosial',
  sosial: 'Kependudukan dan Sosial',
  'makan-bergizi-gratis': 'Kependudukan dan Sosial',
  'perempuan-dan-anak': 'Kependudukan dan Sosial',
  desa: 'Kependudukan dan Sosial',
  agama: 'Kependudukan dan Sosial',
  'haji-umrah': 'Kependudukan dan Sosial',
  ketenagakerjaan: 'Ketenagakerjaan dan Kepegawaian',
  'jaminan-sosial-ketenagakerjaan': 'Ketenagakerjaan dan Kepegawaian',
  'pekerja-migran': 'Ketenagakerjaan dan Kepegawaian',
  kepegawaian: 'Ketenagakerjaan dan Kepegawaian',
  perpajakan: 'Ekonomi dan Keuangan',
  'bea-cukai': 'Ekonomi dan Keuangan',
  'pajak-daerah': 'Ekonomi dan Keuangan',
  'jasa-keuangan': 'Ekonomi dan Keuangan',
  perdagangan: 'Ekonomi dan Keuangan',
  pertanian: 'Ekonomi dan Keuangan',
  'kelautan-perikanan': 'Ekonomi dan Keuangan',
  kepolisian: 'Hukum dan Ketertiban',
  'ketertiban-umum': 'Hukum dan Ketertiban',
  keimigrasian: 'Hukum dan Ketertiban',
  lainnya: 'Lainnya',
};

export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: boolean;
  readonly type: 'realtime' | 'batch' | 'blackbox';
  readonly keywords: string;
  readonly group: string;
}

/** The words a client can search services by: the slug's and both names', lower case, each once. */
const keywordsOf = (category: ComplaintCategory): string =>
  [...new Set([category, categoryNames[category].id, categoryNames[category].en].join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2))].join(',');

/** realtime: a request is filed at once and answered with its service_request_id (no tokens). */
export const open311Services: readonly Open311Service[] = ComplaintCategory.options.map((category) => ({
  service_code: category,
  service_name: categoryNames[category].id,
  description: categoryNames[category].en,
  metadata: true,
  type: 'realtime',
  keywords: keywordsOf(category),
  group: GROUPS[category],
}));

export const serviceNamed = (code: string): Open311Service | undefined => open311Services.find((s) => s.service_code === code);

export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Open311Attribute {
  readonly variable: boolean;
  readonly code: string;
  readonly datatype: AttributeDatatype;
  readonly required: boolean;
  readonly datatype_description: string;
  readonly order: number;
  readonly description: string;
  readonly values?: readonly { readonly key: string; readonly name: string }[];
}

const KIND_NAMES: Readonly<Record<ComplaintKind, string>> = {
  pengaduan: 'Pengaduan (complaint)',
  aspirasi: 'Aspirasi (suggestion)',
  permintaan_informasi: 'Permintaan informasi (information request)',
};

/** The attribute codes a POST may carry as `attribute[code]`. */
export const ATTRIBUTE_CODES = ['kind', 'title', 'incident_date', 'anonymous'] as const;
export type AttributeCode = (typeof ATTRIBUTE_CODES)[number];

export const open311Attributes: readonly (Open311Attribute & { readonly code: AttributeCode })[] = [
  {
    variable: true,
    code: 'kind',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'One of the keys; pengaduan when left out',
    order: 1,
    description: 'Jenis laporan (kind of report)',
    values: ComplaintKind.options.map((key) => ({ key, name: KIND_NAMES[key] })),
  },
  {
    variable: true,
    code: 'title',
    datatype: 'string',
    required: false,
    datatype_description: 'At most 200 characters; the first words of the description when left out',
    order: 2,
    description: 'Judul laporan (title)',
  },
  {
    variable: true,
    code: 'incident_date',
    datatype: 'datetime',
    required: false,
    datatype_description: 'A W3C date (2025-02-20) or datetime with a timezone, not in the future; the day of filing (Jakarta time) when left out',
    order: 3,
    description: 'Tanggal kejadian (when it happened)',
  },
  {
    variable: true,
    code: 'anonymous',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'true hides the reporter from the agency and the public; false when left out',
    order: 4,
    description: 'Anonim (hide the reporter’s identity)',
    values: [
      { key: 'false', name: 'Tidak (no)' },
      { key: 'true', name: 'Ya, anonim (yes)' },
    ],
  },
];

/** A service's definition document: every service has the attributes above. */
export const serviceDefinition = (service: Open311Service) => ({ service_code: service.service_code, attributes: open311Attributes });
