import type { Request } from 'express';
import type { Actor } from '../../eventstore/metadata';
import type { Language } from '../i18n/messages';
import { translatorFor, type Translate } from '../i18n/translator';
import { clientAddressOf } from '../../app/http/rateLimit';
import type { Caller } from './portalApi';
import { languageOf } from './language';

/** What every page needs to know about its request. */
export interface PageContext {
  readonly language: Language;
  readonly t: Translate;
  /** The current path and query, for the language switch to come back to. */
  readonly path: string;
  /** The signed-in staff member or reporter; undefined for a visitor. */
  readonly actor?: Actor;
  readonly caller: Caller;
}

export function pageContext(req: Request, session?: { readonly actor: Actor; readonly token: string }): PageContext {
  const language = languageOf(req);
  return {
    language,
    t: translatorFor(language),
    path: req.originalUrl,
    ...(session ? { actor: session.actor } : {}),
    caller: { clientAddress: clientAddressOf(req), ...(session ? { token: session.token } : {}) },
  };
}
