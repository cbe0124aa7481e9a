import { AGENCY, validReport } from '../commands/http/apiHarness';
import type { PortalServer } from './portalServer';

export interface Filed {
  readonly id: string;
  readonly trackingId: string;
  readonly accessCode: string;
}

export type Step = readonly [action: string, as: 'admin' | 'officer', body: object];

/** The admin disposes to AGENCY, its officer accepts and follows up in public. */
export const IN_PROGRESS: readonly Step[] = [
  ['dispose', 'admin', { agencyId: AGENCY }],
  ['accept', 'officer', { resolutionClass: 'medium' }],
  ['follow-ups', 'officer', { visibility: 'public', text: 'Tim sudah meninjau lokasi.' }],
];
export const RESOLVED: readonly Step[] = [...IN_PROGRESS, ['resolve', 'officer', { summary: 'Lubang sudah ditambal.' }]];

/** Files a complaint through the JSON API (as a reporter login when `reporterSub` is given) and takes it through `steps`. */
export async function fileThrough(server: PortalServer, steps: readonly Step[], report: Record<string, unknown> = {}, reporterSub?: string): Promise<Filed> {
  const token = reporterSub === undefined ? undefined : await server.token({ sub: reporterSub, role: 'reporter' });
  const filed = await server.api('POST', '/api/complaints', { body: validReport(report), ...(token === undefined ? {} : { token }) });
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  const receipt = filed.body as Filed;
  const tokens = {
    admin: await server.token({ sub: 'admin-1', role: 'admin' }),
    officer: await server.token({ sub: `officer-${AGENCY}`, role: 'agency_officer', agency_id: AGENCY }),
  };
  for (const [action, as, body] of steps) {
    const answer = await server.api('POST', `/api/complaints/${receipt.id}/${action}`, { token: tokens[as], body });
    if (answer.status !== 200) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return receipt;
}
