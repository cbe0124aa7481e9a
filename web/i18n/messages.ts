import { messagesEn } from './messages.en';
import { messagesId } from './messages.id';

/** Same keys as the Indonesian catalogue, any text. */
type Catalogue<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type Messages = Catalogue<typeof messagesId>;

/** Every key as a dotted path ("submit.title"), so `t` only accepts keys that exist. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Paths<typeof messagesId>;

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogues: Readonly<Record<Language, Messages>> = { id: messagesId, en: messagesEn };
