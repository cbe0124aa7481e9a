import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HttpProblem } from '../../app/http/httpProblem';
import { jsonResult } from '../../app/http/httpResult';
import type { PostRoute } from '../../app/http/postRoute';
import { problem } from '../../app/http/problem';
import { parseInput } from '../../app/http/validation';
import { PersonalData } from '../../domain/personalData';
import { decideReporter, reporterEventRegistry } from '../../domain/reporter';
import type { EventStore } from '../../eventstore/port';
import { eventIdFor } from '../derivedId';
import { reporterKeyId } from '../intake/personalDataKeys';
import type { PersonalDataSealer } from '../intake/submitComplaint';
import { contactBlindIndex, type Contact } from '../reporter/contactBlindIndex';
import type { ReporterContacts } from '../reporter/reporterContacts';
import { loadReporter, reporterStreamId } from '../reporter/reporterStream';

export const RegisterReporterBody = z
  .object({ name: PersonalData.shape.name.unwrap(), nik: PersonalData.shape.nik.unwrap(), phone: PersonalData.shape.phone, email: PersonalData.shape.email })
  .strict()
  .refine((body) => body.phone !== undefined || body.email !== undefined, { path: ['phone'], message: 'give a phone number or an email address' });
type RegisterReporterBody = z.infer<typeof RegisterReporterBody>;

const Draft = z.object({ reporterId: z.uuid() }).strict();

export interface RegisterReporterDependencies {
  readonly store: EventStore;
  readonly vault: PersonalDataSealer;
  readonly contacts: Pick<ReporterContacts, 'claim'>;
  readonly contactIndexKey: Uint8Array;
  readonly clock: () => Date;
}

const contactTaken = new HttpProblem(problem(409, 'contact_taken', 'Contact already registered', { detail: 'an account with this phone number or email address exists; sign in instead' }));

/**
 * `POST /api/reporters`: a reporter account. Name, NIK and contact are sealed in the vault
 * under the account's own key (erasing the account erases them); the contacts are claimed
 * in a blind index first, so two accounts never share one. A retry with the same
 * Idempotency-Key re-runs with the same account id and finishes what a crash left.
 */
export function registerReporterRoute(deps: RegisterReporterDependencies): PostRoute<RegisterReporterBody, z.infer<typeof Draft>> {
  return {
    parse: (req) => parseInput(RegisterReporterBody, req.body, 'body'),
    draft: { schema: Draft, mint: () => ({ reporterId: randomUUID() }) },
    async execute(body, { draft: { reporterId } }) {
      const contacts: Contact[] = [...(body.phone === undefined ? [] : [{ phone: body.phone }]), ...(body.email === undefined ? [] : [{ email: body.email }])];
      for (const contact of contacts) {
        if (!(await deps.contacts.claim(contactBlindIndex(deps.contactIndexKey, contact), reporterId))) throw contactTaken;
      }
      const loaded = await loadReporter(deps.store, reporterId);
      if (loaded.state.registered) return jsonResult(201, { reporterId });
      const personalData = await deps.vault.seal(reporterKeyId(reporterId), body);
      const now = deps.clock().toISOString();
      const decision = decideReporter(loaded.state, { type: 'Register', personalData }, now);
      if (!decision.ok) throw new HttpProblem(problem(409, decision.code, 'Not registered', { detail: decision.message }));
      await deps.store.appendToStream(
        reporterStreamId(reporterId),
        loaded.revision ?? 'no_stream',
        decision.events.map((event, index) => ({
          type: event.type,
          data: event.data,
          metadata: { eventId: eventIdFor(reporterId, index), actor: { id: reporterId, role: 'reporter' as const }, channel: 'web' as const, correlationId: reporterId, causationId: reporterId, occurredAt: now, schemaVersion: reporterEventRegistry[event.type]!.version },
        })),
      );
      return jsonResult(201, { reporterId });
    },
  };
}
