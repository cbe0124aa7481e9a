import { createHmac, hkdfSync } from 'node:crypto';
import { phoneSubject } from '../../app/http/rateLimitRules';

export type Contact = { readonly phone: string } | { readonly email: string };

/** A key of its own for the blind index, derived from the vault master key (HKDF-SHA256), so it never lives in the database. */
export const contactIndexKey = (masterKey: Uint8Array): Buffer => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lapor contact blind index v1', 32));

/** 0812-3456-7890, +62 812 3456 7890 and 6281234567890 are one phone; e-mail addresses compare without case. */
const normalised = (contact: Contact): string => ('phone' in contact ? `phone:${phoneSubject(contact.phone)}` : `email:${contact.email.trim().toLowerCase()}`);

/**
 * HMAC-SHA256 of the normalised contact: equal contacts find each other (sign-in lookup,
 * duplicate check) while the table holds no phone number or address in clear, and without
 * the key a leaked table admits no guessing of them.
 */
export const contactBlindIndex = (key: Uint8Array, contact: Contact): string => createHmac('sha256', key).update(normalised(contact), 'utf8').digest('base64url');
