import { z } from 'zod';
import { RegionCode } from './regionCode';

/**
 * Agency ids are stable slugs, safe in JWT claims and (percent-encoded) in URLs:
 * - national bodies: their common short name, `kemenkes`, `polri`, `bpjs-kesehatan`;
 * - local governments: `pemprov-<province>`, `pemkab-<regency>`, `pemkot-<regency>`
 *   with the Kemendagri code, e.g. `pemprov-32`, `pemkab-11.01`, `pemkot-32.73`;
 * - units: `<agency id>/<unit slug>`, e.g. `kemenkeu/djp`, `pemkot-32.73/dinkes`.
 */
export const AgencyId = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9.-]*(?:\/[a-z0-9][a-z0-9.-]*)?$/, 'expected an agency slug like kemenkes or pemkot-32.73/dinkes');
export type AgencyId = z.infer<typeof AgencyId>;

export const AgencyKind = z.enum([
  'kementerian-koordinator',
  'kementerian',
  /** Non-ministerial bodies and public-law institutions: POLRI, BPOM, BPJS, BPS... */
  'lembaga',
  /** State-owned enterprises that deliver a public service: PLN, Pertamina, KAI. */
  'bumn',
  'pemerintah-provinsi',
  'pemerintah-kabupaten',
  'pemerintah-kota',
  /** Jakarta's five cities and one regency are administrative areas of the province, not autonomous. */
  'kota-administrasi',
  'kabupaten-administrasi',
  /** A directorate general, dinas or other unit of one agency. */
  'unit',
]);
export type AgencyKind = z.infer<typeof AgencyKind>;

/**
 * parentId is the body accountable for this one under SP4N: the agency a unit belongs
 * to, and for Jakarta's administrative cities the Pemprov DKI. An autonomous regency is
 * not under its province and a ministry is not under its coordinating ministry:
 * neither may answer for the other, so neither is a parent.
 */
export const Agency = z
  .object({
    id: AgencyId,
    name: z.string().min(1).max(200),
    shortName: z.string().min(1).max(60).optional(),
    kind: AgencyKind,
    parentId: AgencyId.optional(),
    /** The region a local government (or its unit) serves; absent for national bodies. */
    regionCode: RegionCode.optional(),
  })
  .strict();
export type Agency = z.infer<typeof Agency>;
