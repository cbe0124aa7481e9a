import { generateKeyPairSync } from 'node:crypto';
import { verifierByIssuer } from '../../../app/auth/issuerVerifier';
import { reporterTokens, type ReporterTokens } from '../../../app/auth/reporterTokens';
import type { TokenVerifier } from '../../../app/auth/tokenVerifier';
import type { CommandSideParts } from '../../../app/commandSide';
import { createLogger } from '../../../app/logger';
import type { EmailMessage } from '../../../commands/channels/emailPort';
import type { SmsMessage } from '../../../commands/channels/outboundPorts';
import { TEST_AUDIENCE, TEST_ISSUER } from '../../app/auth/testTokens';

export const TEST_REPORTER_ISSUER = 'lapor-test-reporter-sign-in';

export interface TestSignIn {
  /** For createCommandSide: recording ports and a reporter token issuer with a key of its own. */
  readonly parts: NonNullable<CommandSideParts['reporterSignIn']>;
  readonly reporterTokens: ReporterTokens;
  /** What the ports were asked to send. */
  readonly smsSent: SmsMessage[];
  readonly emailsSent: EmailMessage[];
  /** The app's verifier: the test SSO's tokens and the reporter sign-in's, as app/main.ts composes them. */
  verifierWith(staff: TokenVerifier): TokenVerifier;
}

export function createTestSignIn(): TestSignIn {
  const smsSent: SmsMessage[] = [];
  const emailsSent: EmailMessage[] = [];
  const tokens = reporterTokens({ issuer: TEST_REPORTER_ISSUER, audience: TEST_AUDIENCE, key: generateKeyPairSync('ed25519'), ttlSeconds: 600, clockToleranceSeconds: 5 });
  return {
    parts: {
      sms: { send: async (message) => void smsSent.push(message) },
      email: { send: async (message) => void emailsSent.push(message) },
      tokens,
      logger: createLogger('silent'),
    },
    reporterTokens: tokens,
    smsSent,
    emailsSent,
    verifierWith: (staff) =>
      verifierByIssuer(
        new Map([
          [TEST_ISSUER, staff],
          [TEST_REPORTER_ISSUER, tokens.verify],
        ]),
      ),
  };
}
