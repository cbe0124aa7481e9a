import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../../app/logger';
import { outboxFolder } from '../../../commands/channels/outboxFolder';

test('the development outbox stores each message in a file of its owner and logs that it did, never the text or the full recipient', async () => {
  const lines: string[] = [];
  const logger = createLogger('trace', new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) }));
  const directory = join(mkdtempSync(join(tmpdir(), 'lapor-outbox-')), 'outbox');
  const outbox = outboxFolder(directory, logger);
  await outbox.sms.send({ id: 'sms-1', to: '081234567890', text: 'LAPOR! Kode masuk Anda: 482913.' });
  await outbox.email.send({ id: 'mail-1', to: 'siti@example.org', subject: 'Kode masuk LAPOR!', text: 'Kode masuk LAPOR! Anda: 582014' });
  expect(readdirSync(directory).sort()).toEqual(['email-mail-1.json', 'sms-sms-1.json']);
  expect(JSON.parse(readFileSync(join(directory, 'sms-sms-1.json'), 'utf8'))).toEqual({ channel: 'sms', id: 'sms-1', to: '081234567890', text: 'LAPOR! Kode masuk Anda: 482913.' });
  expect(JSON.parse(readFileSync(join(directory, 'email-mail-1.json'), 'utf8')).text).toBe('Kode masuk LAPOR! Anda: 582014');
  expect(statSync(join(directory, 'sms-sms-1.json')).mode & 0o077).toBe(0);
  expect(lines).toHaveLength(2);
  const log = lines.join('');
  expect(log).not.toMatch(/482913|582014|081234567890|siti@/);
  expect(log).toContain('…890');
  expect(log).toContain('…@example.org');
});
