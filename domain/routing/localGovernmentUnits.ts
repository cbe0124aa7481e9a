import { z } from 'zod';

/**
 * The perangkat daerah (PP 18/2016) that SP4N complaints most often land on. Each
 * autonomous province, regency and city has them, under names that vary a little
 * ("Dinas Pendidikan dan Kebudayaan", "Dinas PUPR"); the registry uses the common name.
 */
export const LocalUnitSlug = z.enum([
  'dinkes',
  'disdik',
  'dinas-pupr',
  'disdukcapil',
  'disnaker',
  'dishub',
  'dlh',
  'dinsos',
  'satpol-pp',
]);
export type LocalUnitSlug = z.infer<typeof LocalUnitSlug>;

type LocalUnitTemplate = {
  readonly name: string;
  /** Civil registration is a regency/city service (UU 24/2013); provinces only supervise it. */
  readonly regencyOnly: boolean;
};

export const localUnitTemplates: Readonly<Record<LocalUnitSlug, LocalUnitTemplate>> = {
  dinkes: { name: 'Dinas Kesehatan', regencyOnly: false },
  disdik: { name: 'Dinas Pendidikan', regencyOnly: false },
  'dinas-pupr': { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', regencyOnly: false },
  disdukcapil: { name: 'Dinas Kependudukan dan Pencatatan Sipil', regencyOnly: true },
  disnaker: { name: 'Dinas Tenaga Kerja', regencyOnly: false },
  dishub: { name: 'Dinas Perhubungan', regencyOnly: false },
  dlh: { name: 'Dinas Lingkungan Hidup', regencyOnly: false },
  dinsos: { name: 'Dinas Sosial', regencyOnly: false },
  'satpol-pp': { name: 'Satuan Polisi Pamong Praja', regencyOnly: false },
};

/** `pemkot-32.73/dinkes`: a unit's id is its agency's id and the unit slug. */
export function localUnitId(governmentId: string, unit: LocalUnitSlug): string {
  return `${governmentId}/${unit}`;
}
