import { randomUUID } from 'node:crypto';
import type { EmailSender } from '../channels/emailPort';
import type { SmsSender } from '../channels/outboundPorts';
import type { Contact } from './contactBlindIndex';
import { SIGN_IN_CODE_TTL_SECONDS } from './signInCode';

export interface SignInPorts {
  readonly sms: SmsSender;
  readonly email: EmailSender;
}

const MINUTES = SIGN_IN_CODE_TTL_SECONDS / 60;

/** The code goes to the contact it was asked for: by SMS to a phone (one SMS worth of GSM text), by e-mail to an address. */
export async function deliverSignInCode(ports: SignInPorts, contact: Contact, code: string): Promise<void> {
  const warning = `Berlaku ${MINUTES} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.`;
  if ('phone' in contact) {
    await ports.sms.send({ id: randomUUID(), to: contact.phone, text: `LAPOR! Kode masuk Anda: ${code}. ${warning}` });
    return;
  }
  await ports.email.send({
    id: randomUUID(),
    to: contact.email,
    subject: 'Kode masuk LAPOR!',
    text: `Kode masuk LAPOR! Anda: ${code}\n\n${warning}\nJika Anda tidak meminta kode ini, abaikan e-mail ini.`,
  });
}
