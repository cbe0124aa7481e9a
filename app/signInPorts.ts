import { join } from 'node:path';
import { httpSmsSender } from '../commands/channels/httpSmsSender';
import { outboxFolder } from '../commands/channels/outboxFolder';
import type { SignInPorts } from '../commands/reporter/signInDelivery';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * Where sign-in codes go: SMS through the gateway when SMS_GATEWAY_URL and its secret are set;
 * otherwise, and for e-mail (no mail relay adapter yet), into DATA_DIR/outbox, never into the log.
 */
export function signInPorts(config: Config, logger: Logger): SignInPorts {
  const outbox = outboxFolder(join(config.DATA_DIR, 'outbox'), logger);
  const gateway = config.SMS_GATEWAY_URL !== undefined && config.SMS_WEBHOOK_SECRET !== undefined ? { url: config.SMS_GATEWAY_URL, secret: config.SMS_WEBHOOK_SECRET } : undefined;
  return { sms: gateway ? httpSmsSender({ ...gateway, clock: () => new Date() }) : outbox.sms, email: outbox.email };
}
