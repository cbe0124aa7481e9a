import { Router } from 'express';
import { channelRouter, type ChannelSettings } from '../commands/channels/channelRouter';
import type { AccessCodes } from '../commands/accessCodeHash';
import { createCommandHandler, type HandleCommand } from '../commands/handleCommand';
import { commandRouter } from '../commands/http/commandRouter';
import type { FindReceipt } from '../commands/http/receipt';
import { receiptActionRouter } from '../commands/http/receiptActionRouter';
import { openReplyDelivery, type ReplyDelivery } from '../commands/outbox/replyDelivery';
import { registerReporterRoute } from '../commands/http/registerReporterRoute';
import { reporterSignInRouter } from '../commands/http/reporterSignInRouter';
import { registrationChecks, signInRequestChecks, signInVerifyChecks } from '../commands/http/signInRateChecks';
import { SignInCodes } from '../commands/reporter/signInCodes';
import type { SignInPorts } from '../commands/reporter/signInDelivery';
import { ReporterContacts } from '../commands/reporter/reporterContacts';
import type { ReporterErasureDependencies } from '../commands/reporter/eraseReporter';
import { PendingErasures } from '../commands/reporter/pendingErasures';
import { reporterComplaintIds } from '../commands/reporter/reporterComplaintIds';
import { createWorkingDayCalendar } from '../domain/calendar';
import type { AgencyDirectory } from '../domain/complaint';
import { agencyRegistry } from '../domain/routing';
import { defaultTimeLimits, type TimeLimits } from '../domain/timeLimits';
import type { EventStore } from '../eventstore/port';
import type { SqlClient } from '../eventstore/postgres/sqlClient';
import type { PersonalDataVault } from '../eventstore/vault/personalDataVault';
import type { ReadModelStore } from '../projections/store/readModelStore';
import type { ReporterTokens } from './auth/reporterTokens';
import type { TokenVerifier } from './auth/tokenVerifier';
import type { Logger } from './logger';
import { bearerAuthenticator } from './http/authenticate';
import { postRoute } from './http/postRoute';
import { IdempotencyStore } from './http/idempotency/idempotencyStore';
import { rateLimit } from './http/rateLimit';
import { accessCodeRateChecks, intakeRateChecks, phoneSubject, smsSenderRule } from './http/rateLimitRules';
import { RateLimitStore } from './http/rateLimitStore';

export interface CommandSideParts {
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  readonly sql: SqlClient;
  readonly schema: string;
  readonly verifyToken: TokenVerifier;
  /** Hashes receipt access codes (keyed by the pepper from the vault master key). */
  readonly accessCodes: AccessCodes;
  readonly clock?: () => Date;
  readonly agencies?: AgencyDirectory;
  readonly limits?: TimeLimits;
  /** SMS 1708 and Twitter/X webhooks; none without. */
  readonly channels?: ChannelSettings;
  /**
   * Rate limits (none without): complaints per hour per client address, phone, account and SMS sender; access-code tries per hour per address and per complaint;
   * with signInPerHour, sign-in code requests per address and per contact, code tries per address, and registrations per address.
   */
  readonly rateLimits?: { readonly intakePerHour: number; readonly accessCodeTriesPerHour: number; readonly signInPerHour?: number };
  /** Finds complaints by tracking id for the reporter actions by receipt; those routes are not mounted without. */
  readonly findReceipt?: FindReceipt;
  /** The reporter read model, to find an erased reporter's complaints without scanning the whole ledger. */
  readonly readModel?: ReadModelStore;
  /** Keys the blind index of reporter contacts (derived from the vault master key); reporter registration is not mounted without. */
  readonly contactIndexKey?: Uint8Array;
  /** Reporter sign-in with a one-time code (mounted beside registration): where the codes go out, and the issuer of reporter tokens. */
  readonly reporterSignIn?: SignInPorts & { readonly tokens: Pick<ReporterTokens, 'issue'>; readonly logger: Logger };
}

export interface CommandSide {
  readonly handle: HandleCommand;
  readonly router: Router;
  readonly idempotency: IdempotencyStore;
  /** Present when intake is rate-limited. */
  readonly rateLimits?: RateLimitStore;
  /** Reporter erasure, for the scheduler to finish erasures under way. */
  readonly reporterErasure: ReporterErasureDependencies & { readonly pending: PendingErasures };
  /** Present when reporter sign-in is mounted: the purge deletes expired codes. */
  readonly signInCodes?: SignInCodes;
  /** Present with gateway channels: the reply outbox, for the dispatcher and the purge. */
  readonly replies?: ReplyDelivery;
}

/** Wires the write side: command handler, idempotency records, authentication, routes. */
export async function createCommandSide(parts: CommandSideParts): Promise<CommandSide> {
  const agencies = parts.agencies ?? agencyRegistry;
  const clock = parts.clock ?? (() => new Date());
  const handle = createCommandHandler({
    store: parts.store,
    agencies,
    limits: parts.limits ?? defaultTimeLimits,
    calendar: createWorkingDayCalendar(),
    clock,
  });
  const idempotency = await IdempotencyStore.open(parts.sql, parts.schema);
  const authenticate = bearerAuthenticator(parts.verifyToken);
  const router = Router();
  const limits = parts.rateLimits && { ...parts.rateLimits, store: await RateLimitStore.open(parts.sql, parts.schema) };
  // Reads and actions with an access code share one allowance of tries. Only a wrong code (or
  // an unknown tracking id: the same 404) spends it, so a holder can follow their complaint
  // all day while a guesser still gets ACCESS_CODE_TRIES_PER_HOUR guesses.
  const limitTries = limits && rateLimit(limits.store, accessCodeRateChecks(limits.accessCodeTriesPerHour), (status) => status !== 404 && status < 500);
  if (limits) router.post('/api/complaints', rateLimit(limits.store, intakeRateChecks(limits.intakePerHour, authenticate)));
  // The read API answers these routes once the limit lets the request through.
  if (limitTries) router.get(['/api/reporter/complaints/:trackingId', '/api/attachments/:attachmentId'], limitTries);
  const complaintIds = reporterComplaintIds({ ledger: parts.store, ...(parts.readModel ? { readModel: parts.readModel } : {}) });
  const reporterErasure = { store: parts.store, vault: parts.vault, handle, complaintIds, clock, pending: await PendingErasures.open(parts.sql, parts.schema) };
  let signInCodes: SignInCodes | undefined;
  if (parts.contactIndexKey) {
    const contactIndexKey = parts.contactIndexKey;
    const contacts = await ReporterContacts.open(parts.sql, parts.schema);
    const signInLimits = limits?.signInPerHour ? { store: limits.store, perHour: limits.signInPerHour } : undefined;
    const limitRegistration = signInLimits ? [rateLimit(signInLimits.store, registrationChecks(signInLimits.perHour))] : [];
    router.post('/api/reporters', ...limitRegistration, postRoute({ authenticate, idempotency }, registerReporterRoute({ store: parts.store, vault: parts.vault, contacts, contactIndexKey, clock })));
    if (parts.reporterSignIn) {
      // A right code is no guess: its try is given back.
      const signInRateLimits = signInLimits && {
        request: rateLimit(signInLimits.store, signInRequestChecks(signInLimits.perHour, contactIndexKey)),
        verify: rateLimit(signInLimits.store, signInVerifyChecks(signInLimits.perHour, contactIndexKey), (status) => status === 200),
      };
      signInCodes = await SignInCodes.open(parts.sql, parts.schema);
      router.use(reporterSignInRouter({ ...parts.reporterSignIn, store: parts.store, contacts, codes: signInCodes, contactIndexKey, clock, ...(signInRateLimits ? { limits: signInRateLimits } : {}) }));
    }
  }
  router.use(commandRouter({ handle, vault: parts.vault, accessCodes: parts.accessCodes, agencies, idempotency, authenticate, reporterErasure }));
  if (parts.findReceipt) {
    router.use(receiptActionRouter({ handle, vault: parts.vault, accessCodes: parts.accessCodes, findReceipt: parts.findReceipt, idempotency, ...(limitTries ? { limitTries } : {}) }));
  }
  const replies = parts.channels && (await openReplyDelivery(parts.sql, parts.schema, parts.channels, clock));
  if (parts.channels && replies) {
    const limitSmsSender = limits && ((phone: string) => limits.store.take(smsSenderRule(limits.intakePerHour), phoneSubject(phone)));
    router.use(channelRouter({ handle, store: parts.store, vault: parts.vault, accessCodes: parts.accessCodes, clock, channels: parts.channels, replies: replies.queue, ...(limitSmsSender ? { limitSmsSender } : {}) }));
  }
  return { handle, router, idempotency, reporterErasure, ...(limits ? { rateLimits: limits.store } : {}), ...(signInCodes ? { signInCodes } : {}), ...(replies ? { replies } : {}) };
}
