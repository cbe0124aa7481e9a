import type { Request } from 'express';
import { LANGUAGES, type Language } from '../i18n/messages';
import { COOKIES, readCookie } from './cookies';

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The visitor's choice (cookie) wins; then the browser's first supported language; Bahasa Indonesia by default. */
export function languageOf(req: Request): Language {
  const chosen = readCookie(req, COOKIES.language);
  if (isLanguage(chosen)) return chosen;
  const preferred = req.acceptsLanguages([...LANGUAGES]);
  return isLanguage(preferred) ? preferred : 'id';
}
