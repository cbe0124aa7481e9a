import type { PersonalData } from '../../../domain/personalData';
import { Prng } from './prng';

const GIVEN = ['Agus', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fitri', 'Gilang', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur', 'Putu', 'Rahmat', 'Siti', 'Taufik', 'Wahyu', 'Yuni'];
const FAMILY = ['Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Siregar', 'Nasution', 'Pratama', 'Kusuma', 'Lubis', 'Setiawan', 'Hutapea', 'Rahayu', 'Sinaga', 'Gunawan', 'Purnomo'];
/** Keeps synthetic reporters' generators apart from every other draw of the same seed. */
const REPORTER_STREAM = 0x5e9027e2;

export interface SyntheticReporter {
  /** The account id (JWT sub) when the reporter files with an account. */
  readonly accountId: string;
  readonly personalData: PersonalData;
}

/** The reporter of a pool index: the same person every time, derived on demand and never stored. */
export function syntheticReporter(seed: number, index: number): SyntheticReporter {
  const prng = Prng.derived(seed ^ REPORTER_STREAM, index);
  const accountId = prng.uuid();
  const given = prng.pick(GIVEN);
  const family = prng.pick(FAMILY);
  const phone = `+628${String(1_000_000_000 + prng.int(999_999_999)).slice(1)}`;
  const personalData: PersonalData = {
    name: `${given} ${family}`,
    phone,
    ...(prng.chance(0.6) ? { email: `${given}.${family}${index}@contoh.id`.toLowerCase() } : {}),
    ...(prng.chance(0.3) ? { nik: String(1_000_000_000_000_000 + prng.int(8_999_999_999) * 1_000_000 + prng.int(999_999)).slice(0, 16) } : {}),
  };
  return { accountId, personalData };
}
