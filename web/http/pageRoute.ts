import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../app/logger';
import { requestIdOf } from '../../app/http/requestIds';
import { html, type SafeHtml } from '../html';
import { page } from '../layout';
import { clearCookie, writeCookie, type CookieName } from './cookies';
import { pageContext, type PageContext } from './pageContext';
import type { Session } from './session';

/** A cookie the answer sets (for `maxAgeSeconds`) or clears. */
export type CookieChange = { readonly name: CookieName; readonly value: string; readonly maxAgeSeconds: number } | { readonly name: CookieName; readonly clear: true };

/** What a page handler answers: a page, or a redirect (after a form post), with the cookies it changes. */
export type PageResult = (
  | { readonly kind: 'page'; readonly status?: number; readonly title: string; readonly body: SafeHtml }
  | { readonly kind: 'redirect'; readonly location: string }
) & { readonly cookies?: readonly CookieChange[] };

export const withCookie = (result: PageResult, change: CookieChange): PageResult => ({ ...result, cookies: [...(result.cookies ?? []), change] });

export const pageResult = (title: string, body: SafeHtml, status?: number): PageResult => ({ kind: 'page', title, body, ...(status === undefined ? {} : { status }) });
export const redirectTo = (location: string): PageResult => ({ kind: 'redirect', location });

export type PageHandler = (req: Request, ctx: PageContext) => Promise<PageResult>;

export const notFoundPage = (ctx: PageContext): PageResult =>
  pageResult(ctx.t('common.notFound'), html`<p>${ctx.t('common.notFoundDetail')}</p><p><a href="/">${ctx.t('common.home')}</a></p>`, 404);

/**
 * Runs a page handler: every page is personal (a session, a language) so none is cached by
 * shared caches; a failure is logged with the request id and shown as a plain page, never a stack.
 */
export function pageRoute(logger: Logger, handler: PageHandler): RequestHandler {
  return async (req: Request, res: Response, _next: NextFunction) => {
    const session = res.locals.session as Session | undefined;
    const ctx = pageContext(req, session);
    let result: PageResult;
    try {
      result = await handler(req, ctx);
    } catch (error) {
      logger.error({ err: error, requestId: requestIdOf(req), path: req.path }, 'portal page failed');
      result = pageResult(ctx.t('common.unavailable'), html`<p>${ctx.t('common.unavailable')}</p><p>ID: ${requestIdOf(req)}</p>`, 503);
    }
    res.set('cache-control', 'no-store');
    for (const change of result.cookies ?? []) {
      if ('clear' in change) clearCookie(req, res, change.name);
      else writeCookie(req, res, change.name, change.value, change.maxAgeSeconds);
    }
    if (result.kind === 'redirect') {
      res.redirect(303, result.location);
      return;
    }
    res.status(result.status ?? 200).type('html').send(page(ctx, result.title, result.body).text);
  };
}
