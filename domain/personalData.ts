import { z } from 'zod';

/**
 * Personal data (a reporter's name, contact details, national id number) appears in
 * events only as this envelope: AES-256-GCM under a data key of the reporter's own.
 * Erasing the reporter deletes the key, so the envelope can no longer be opened while
 * the event, and the hash chain over it, stay intact. The domain treats it as opaque;
 * the vault (eventstore/vault) seals and opens it.
 */
export const SealedPersonalData = z
  .object({
    /** The key that sealed it: one per reporter (or per anonymous submission). */
    keyId: z.string().min(1).max(100),
    alg: z.literal('A256GCM'),
    iv: z.base64(),
    ciphertext: z.base64(),
    tag: z.base64(),
  })
  .strict();
export type SealedPersonalData = z.infer<typeof SealedPersonalData>;

/** What a sealed envelope holds, once opened. */
export const PersonalData = z
  .object({
    name: z.string().min(1).max(200).optional(),
    phone: z.string().min(3).max(40).optional(),
    email: z.email().max(254).optional(),
    nik: z.string().regex(/^\d{16}$/, 'NIK must be 16 digits').optional(),
  })
  .strict();
export type PersonalData = z.infer<typeof PersonalData>;

/** What a reader gets back: the data, or the fact that it was erased. */
export type OpenedPersonalData = { readonly erased: false; readonly data: PersonalData } | { readonly erased: true };
