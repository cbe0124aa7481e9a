import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type HeaderStep = { readonly name: string; readonly value: string | number | readonly string[] } | { readonly name: string; readonly remove: true };

/** What a helmet middleware does to a response, recorded on a stand-in. */
function recordedSteps(middleware: RequestHandler): HeaderStep[] {
  const steps: HeaderStep[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void steps.push({ name, value }),
    removeHeader: (name: string) => void steps.push({ name, remove: true }),
  };
  let finished = false;
  void middleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  // A nonce or a per-request header would need helmet itself on every request.
  if (!finished) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return steps;
}

/**
 * helmet's default security headers, computed once at start: helmet() walks a chain of a
 * dozen middlewares per request that set the same values every time (no nonces are
 * configured), a measurable share of a small GET. The recorded steps replayed give the
 * same headers in one step.
 */
export function securityHeaders(): RequestHandler {
  const steps = recordedSteps(helmet());
  return (_req, res, next) => {
    for (const step of steps) {
      if ('remove' in step) res.removeHeader(step.name);
      else res.setHeader(step.name, step.value);
    }
    next();
  };
}
