import type { Request } from 'express';
import { COOKIES, readCookie } from '../http/cookies';
import type { PageContext } from '../http/pageContext';
import type { Caller } from '../http/portalApi';

/** The receipt cookie's tracking id and access code (web/public/trackPage.ts writes "trackingId:accessCode"). */
export function receiptOf(req: Request): { readonly trackingId: string; readonly accessCode: string } | undefined {
  const value = readCookie(req, COOKIES.receipt);
  const colon = value?.indexOf(':') ?? -1;
  if (value === undefined || colon <= 0 || colon === value.length - 1) return undefined;
  return { trackingId: value.slice(0, colon), accessCode: value.slice(colon + 1) };
}

/** How this visitor reaches one complaint: by the receipt for it (access code), or by their reporter login. */
export interface ReporterAccess {
  readonly by: 'receipt' | 'account';
  readonly caller: Caller;
}

export function reporterAccessTo(req: Request, ctx: PageContext, trackingId: string): ReporterAccess | undefined {
  const receipt = receiptOf(req);
  if (receipt !== undefined && receipt.trackingId.toUpperCase() === trackingId.toUpperCase()) return { by: 'receipt', caller: { ...ctx.caller, accessCode: receipt.accessCode } };
  if (ctx.actor?.role === 'reporter') return { by: 'account', caller: ctx.caller };
  return undefined;
}
