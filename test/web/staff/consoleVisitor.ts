import type { TokenClaims } from '../../../app/auth/tokenClaims';
import type { FormVisitor, PortalAnswer } from '../formVisitor';
import { eventually, type PortalServer } from '../portalServer';

/** The Idempotency-Key the page rendered into the form posting to `…/{action}`. */
export const idempotencyKeyOf = (html: string, action: string): string =>
  new RegExp(`action="[^"]+/${action}"[\\s\\S]*?name="idempotencyKey" value="([^"]+)"`).exec(html)![1]!;

/** Opens the case page and posts its `action` form with `fields`, as a person filling it in would. */
export async function submitCaseForm(visitor: FormVisitor, casePath: string, action: string, fields: Readonly<Record<string, string>>): Promise<PortalAnswer> {
  const page = await visitor.get(casePath);
  if (page.status !== 200) throw new Error(`${casePath}: ${page.status}`);
  return visitor.post(`${casePath}/${action}`, { ...fields, idempotencyKey: idempotencyKeyOf(page.html, action) });
}

/** The complaint's whole case file through the API (as an Ombudsman), once `check` holds or the wait is over. */
export async function caseFileWhen(server: PortalServer, complaintId: string, check: (file: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  const claims: TokenClaims = { sub: 'ombudsman-check', role: 'ombudsman' };
  const token = await server.token(claims);
  return eventually(
    async () => (await server.api('GET', `/api/oversight/complaints/${complaintId}`, { token })).body as Record<string, unknown>,
    check,
  );
}
