import { textParts } from './textParts';

/**
 * How a reply is cut into SMS messages. Each part goes out as an SMS of its own (no
 * concatenation header), so a part holds 160 GSM-7 septets, or 70 UTF-16 units when any
 * character is outside GSM 03.38 and the whole reply must travel as UCS-2.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each costs an escape septet plus its own. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';
export const SMS_PART_LIMIT: Readonly<Record<SmsEncoding, number>> = { gsm7: 160, ucs2: 70 };

export function smsEncodingOf(text: string): SmsEncoding {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return 'ucs2';
  return 'gsm7';
}

const unitsOf = (char: string, encoding: SmsEncoding): number => (encoding === 'ucs2' ? char.length : extension.has(char) ? 2 : 1);

/** Splits at the last space that fits, in units of the encoding the whole reply needs (see textParts). */
export function smsParts(text: string): string[] {
  const encoding = smsEncodingOf(text);
  return textParts(text, SMS_PART_LIMIT[encoding], (char) => unitsOf(char, encoding));
}
