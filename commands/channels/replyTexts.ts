import type { ComplaintStatus } from '../../domain/complaint';
import { displayTrackingId, type TrackingId } from '../../domain/trackingId';
import type { GatewayFiling } from './gatewaySubmission';

/** What citizens read back on SMS 1708 and @lapor1708, in Indonesian. */
const STATUS_WORDS: Readonly<Record<ComplaintStatus, string>> = {
  submitted: 'menunggu verifikasi',
  awaiting_information: 'menunggu informasi tambahan dari Anda',
  on_hold: 'ditunda',
  returned_to_admin: 'sedang dialihkan ke instansi yang berwenang',
  disposed: 'diteruskan ke instansi',
  in_progress: 'sedang ditindaklanjuti instansi',
  resolved: 'selesai ditindaklanjuti; tanggapi atau beri penilaian di lapor.go.id',
  closed: 'ditutup',
};

export function filingReply(filing: GatewayFiling, statusHint: string): string {
  if (filing.kind === 'refused') return `LAPOR! Laporan Anda belum dapat diterima (${filing.code}). Silakan coba lagi atau gunakan lapor.go.id.`;
  return `LAPOR! Laporan Anda diterima. Nomor pelacakan: ${displayTrackingId(filing.trackingId)}. ${statusHint}`;
}

export const SMS_STATUS_HINT = 'Cek status: kirim STATUS <nomor pelacakan> ke 1708.';
export const TWEET_STATUS_HINT = 'Pantau di lapor.go.id.';

export const SMS_HELP = 'LAPOR! Kirim LAPOR <isi laporan> untuk melapor, atau STATUS <nomor pelacakan> untuk cek status, ke 1708.';

/** Status only, never content: a confidential complaint's tracking id reveals no more than this. */
export function statusReply(trackingId: TrackingId, status: ComplaintStatus | undefined): string {
  const shown = displayTrackingId(trackingId);
  return status === undefined
    ? `LAPOR! Nomor pelacakan ${shown} belum ditemukan. Periksa kembali nomornya (laporan baru perlu beberapa saat).`
    : `LAPOR! Status laporan ${shown}: ${STATUS_WORDS[status]}.`;
}
