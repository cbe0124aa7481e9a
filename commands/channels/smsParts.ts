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

/** Splits at the last space that fits (a word longer than a part is cut), never inside a surrogate pair. */
export function smsParts(text: string): string[] {
  const encoding = smsEncodingOf(text);
  const limit = SMS_PART_LIMIT[encoding];
  const chars = [...text.trim()];
  const parts: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    for (let units = 0; end < chars.length && units + unitsOf(chars[end]!, encoding) <= limit; end++) units += unitsOf(chars[end]!, encoding);
    if (end < chars.length && chars[end] !== ' ') {
      const lastSpace = chars.lastIndexOf(' ', end - 1);
      if (lastSpace > start) end = lastSpace;
    }
    parts.push(chars.slice(start, end).join('').trimEnd());
    start = end;
    while (chars[start] === ' ') start++;
  }
  return parts;
}
