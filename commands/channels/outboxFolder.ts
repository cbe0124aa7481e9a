import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../app/logger';
import type { EmailSender } from './emailPort';
import { maskedNumber } from './loggingReplies';
import type { SmsSender } from './outboundPorts';

/** An address in a log line keeps its domain only. */
const maskedEmail = (address: string): string => `…@${address.split('@').pop() ?? ''}`;

/**
 * Development adapters for messages that carry a secret (sign-in codes): each message is
 * written to a file of its own in `directory` (owner-readable only), where a developer
 * reads the code, and the log line says only that it was written, never the text.
 */
export function outboxFolder(directory: string, logger: Logger): { readonly sms: SmsSender; readonly email: EmailSender } {
  const store = async (channel: 'sms' | 'email', id: string, message: object): Promise<string> => {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const file = join(directory, `${channel}-${id}.json`);
    await writeFile(file, JSON.stringify({ channel, ...message }, null, 2), { mode: 0o600, flag: 'wx' });
    return file;
  };
  return {
    sms: {
      async send(message) {
        const file = await store('sms', message.id, message);
        logger.info({ channel: 'sms', messageId: message.id, to: maskedNumber(message.to), file }, 'SMS written to the outbox (development: not sent)');
      },
    },
    email: {
      async send(message) {
        const file = await store('email', message.id, message);
        logger.info({ channel: 'email', messageId: message.id, to: maskedEmail(message.to), file }, 'e-mail written to the outbox (development: not sent)');
      },
    },
  };
}
