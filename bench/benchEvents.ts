import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventRegistry } from '../eventstore/eventRegistry';
import type { NewEvent } from '../eventstore/port';

/**
 * The bench's own vocabulary: shaped like the domain's ComplaintSubmitted and a reporter's
 * follow-up, with validation of the same kind (uuids, regexes, ISO instants, a sealed
 * envelope), so that schema checks and hashing cost what they cost in production. It is
 * not the domain registry on purpose: the bench must not change when the domain does.
 */
const isoInstant = z.iso.datetime({ offset: true });
const sealed = z.object({ keyId: z.string().min(1).max(100), alg: z.literal('A256GCM'), iv: z.base64(), ciphertext: z.base64(), tag: z.base64() }).strict();
const attachment = z
  .object({ id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/), name: z.string().max(255), mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]{1,100}$/), sizeBytes: z.int().min(0) })
  .strict();

const ComplaintSubmitted = z
  .object({
    complaintId: z.uuid(),
    trackingId: z.string().regex(/^[0-9A-Z*~$=-]{6,40}$/),
    accessCodeHash: z.string().max(200),
    kind: z.enum(['pengaduan', 'aspirasi', 'permintaan_informasi']),
    title: z.string().min(1).max(150),
    chronology: z.string().min(1).max(4000),
    incidentDate: z.iso.date(),
    regionCode: z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/),
    location: z.object({ description: z.string().max(500), coordinates: z.object({ latitude: z.number(), longitude: z.number() }).strict() }).strict(),
    category: z.string().regex(/^[a-z0-9-]{1,100}$/),
    attachments: z.array(attachment).max(20),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    channel: z.enum(['web', 'app', 'sms', 'twitter', 'open311']),
    reporter: sealed,
    at: isoInstant,
    verifyBy: isoInstant,
  })
  .strict();

const ComplaintInformationAdded = z
  .object({ complaintId: z.uuid(), text: z.string().min(1).max(4000), attachments: z.array(attachment).max(20), at: isoInstant })
  .strict();

export const benchEventRegistry: EventRegistry = {
  ComplaintSubmitted: { version: 1, schema: ComplaintSubmitted },
  ComplaintInformationAdded: { version: 1, schema: ComplaintInformationAdded },
};

const CHRONOLOGY =
  'Jalan di depan pasar kecamatan rusak parah sejak awal musim hujan. Lubang sedalam dua puluh sentimeter membuat ' +
  'pengendara motor sering terjatuh pada malam hari karena lampu jalan juga padam. Mohon segera diperbaiki.';

const MORE_INFORMATION =
  'Tambahan informasi: pada hari Senin pagi kembali terjadi kecelakaan tunggal di lokasi yang sama, seorang pelajar ' +
  'terluka ringan. Foto terbaru kondisi lubang dan lampu yang padam saya lampirkan. Ketua RT setempat bersedia ' +
  'memberikan keterangan bila diperlukan oleh petugas dinas pekerjaan umum dan penataan ruang. Mohon laporan ini diprioritaskan karena ' +
  'jalan tersebut adalah satu-satunya akses menuju sekolah dasar dan puskesmas pembantu di desa kami. Terima kasih ' +
  'atas perhatian dan tindak lanjutnya, semoga laporan ini dapat segera ditangani oleh instansi yang berwenang.';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function trackingId(bytes: Uint8Array): string {
  let id = '';
  for (const byte of bytes) id += CROCKFORD[byte % 32];
  return id;
}

function metadata(): NewEvent['metadata'] {
  return {
    eventId: randomUUID(),
    actor: { id: 'channel-gateway-web', role: 'channel_gateway' },
    channel: 'web',
    correlationId: `req-${randomUUID()}`,
    causationId: `cmd-${randomUUID()}`,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  };
}

function attachments(): z.infer<typeof attachment>[] {
  return [
    { id: `att-${randomUUID()}`, name: 'foto-jalan-rusak.jpg', mediaType: 'image/jpeg', sizeBytes: 1_482_113 },
    { id: `att-${randomUUID()}`, name: 'lampu-padam.jpg', mediaType: 'image/jpeg', sizeBytes: 903_554 },
  ];
}

/** A new complaint: about 1 KB of data plus about 300 bytes of metadata, fresh ids each call. */
export function complaintSubmitted(complaintId: string): NewEvent {
  const at = new Date();
  // One call for all random bytes: the bench shares two cores with the store it measures.
  const random = randomBytes(148);
  const b64 = (from: number, to: number): string => random.toString('base64', from, to);
  return {
    type: 'ComplaintSubmitted',
    data: {
      complaintId,
      trackingId: trackingId(random.subarray(0, 12)),
      accessCodeHash: `scrypt$${b64(12, 28)}$${b64(28, 60)}`,
      kind: 'pengaduan',
      title: 'Jalan berlubang dan lampu jalan padam di depan pasar',
      chronology: CHRONOLOGY,
      incidentDate: '2026-11-20',
      regionCode: '32.73',
      location: { description: 'Jl. Raya Pasar Baru, depan pasar', coordinates: { latitude: -6.9175, longitude: 107.6191 } },
      category: 'jalan-rusak',
      attachments: attachments().slice(0, 1),
      anonymous: false,
      confidential: false,
      channel: 'web',
      reporter: { keyId: `rk-${randomUUID()}`, alg: 'A256GCM', iv: b64(60, 72), ciphertext: b64(72, 132), tag: b64(132, 148) },
      at: at.toISOString(),
      verifyBy: new Date(at.getTime() + 3 * 86_400_000).toISOString(),
    },
    metadata: metadata(),
  };
}

/** A reporter's follow-up on an existing complaint, of about the same size. */
export function complaintInformationAdded(complaintId: string): NewEvent {
  return {
    type: 'ComplaintInformationAdded',
    data: { complaintId, text: MORE_INFORMATION, attachments: attachments(), at: new Date().toISOString() },
    metadata: metadata(),
  };
}

/** The data of one event as JSON: the payload size the report prints and pgbench inserts. */
export function sampleDataJson(): string {
  return JSON.stringify(complaintSubmitted(randomUUID()).data);
}
