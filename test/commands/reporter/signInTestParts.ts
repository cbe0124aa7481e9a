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
  /** The text of the next message to this phone number or address (codes go out after the answer, so this waits for it). */
  nextMessageTo(recipient: string): Promise<string>;
  /** The app's verifier: the test SSO's tokens and the reporter sign-in's, as app/main.ts composes them. */
  verifierWith(staff: TokenVerifier): TokenVerifier;
}

export function createTestSignIn(): TestSignIn {
  const smsSent: SmsMessage[] = [];
  const emailsSent: EmailMessage[] = [];
  const waiting = new Map<string, (text: string) => void>();
  const record = <M extends { to: string; text: string }>(list: M[]) => async (message: M) => {
    list.push(message);
    waiting.get(message.to)?.(message.text);
    waiting.delete(message.to);
  };
  const tokens = reporterTokens({ issuer: TEST_REPORTER_ISSUER, audience: TEST_AUDIENCE, key: generateKeyPairSync('ed25519'), ttlSeconds: 600, clockToleranceSeconds: 5 });
  return {
    parts: {
      sms: { send: record(smsSent) },
      email: { send: record(emailsSent) },
      tokens,
      logger: createLogger('silent'),
    },
    reporterTokens: tokens,
    smsSent,
    emailsSent,
    nextMessageTo: (recipient) => new Promise((resolve) => waiting.set(recipient, resolve)),
    verifierWith: (staff) =>
      verifierByIssuer(
        new Map([
          [TEST_ISSUER, staff],
          [TEST_REPORTER_ISSUER, tokens.verify],
        ]),
      ),
  };
}
