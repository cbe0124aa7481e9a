import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { reporterStreamId } from '../../../commands/reporter/reporterStream';
import { SealedPersonalData } from '../../../domain/personalData';
import type { HarnessForFile } from '../../read-api/readApiHarness';
import { apiClient } from '../http/apiHarness';

let serial = 0;
/** A phone number of its own per test, as typed by a person. */
const freshPhone = (): string => `0812-${String(Date.now() % 10_000).padStart(4, '0')}-${String(++serial).padStart(4, '0')}`;
/** `POST /api/reporters` and the account's erasure, on the harness's database. */
export function registerReporterSuite(label: string, { harness, sql, schema }: HarnessForFile): void {
  const register = (body: unknown, headers: Record<string, string> = {}) => request(harness().app).post('/api/reporters').set(headers).send(body as object);

  describe(`${label}: POST /api/reporters`, () => {
    test('registers: the reporter stream holds ReporterRegistered whose sealed data open to what was sent; the contact table holds no contact in clear', async () => {
      const phone = freshPhone();
      const response = await register({ name: 'Siti Rahma', nik: '3273015501900002', phone });
      expect(response.status).toBe(201);
      const { reporterId } = response.body as { reporterId: string };
      const stream = await harness().store.readStream(reporterStreamId(reporterId));
      expect(stream.map((event) => event.type)).toEqual(['ReporterRegistered']);
      const sealed = SealedPersonalData.parse((stream[0]!.data as { personalData: unknown }).personalData);
      expect(await harness().vault.open(sealed)).toEqual({ erased: false, data: { name: 'Siti Rahma', nik: '3273015501900002', phone } });
      const rows = await sql().query(`SELECT * FROM ${schema}.reporter_contacts`);
      expect(JSON.stringify(rows)).not.toContain(phone.replace(/\D/g, '').slice(1));
      expect(JSON.stringify(rows)).toContain(reporterId);
    });

    test('the same phone written another way, or the same email in other case, is a 409', async () => {
      const phone = freshPhone();
      const email = `Rahma.${randomUUID()}@Example.org`;
      expect((await register({ name: 'Siti', nik: '3273015501900002', phone, email })).status).toBe(201);
      const samePhone = await register({ name: 'Other', nik: '3273015501900003', phone: `+62 ${phone.slice(1).replaceAll('-', ' ')}` });
      expect(samePhone.status).toBe(409);
      expect(samePhone.body.code).toBe('contact_taken');
      const sameEmail = await register({ name: 'Other', nik: '3273015501900003', email: email.toLowerCase() });
      expect(sameEmail.status).toBe(409);
      expect(sameEmail.body.code).toBe('contact_taken');
    });

    test('a retry with the same Idempotency-Key answers the same account and registers it once', async () => {
      const body = { name: 'Budi', nik: '3273012345678901', email: `budi.${randomUUID()}@example.org` };
      const key = { 'idempotency-key': randomUUID() };
      const first = await register(body, key);
      const again = await register(body, key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await harness().store.readStream(reporterStreamId(first.body.reporterId))).toHaveLength(1);
    });

    test.each([
      ['no NIK', { name: 'Budi', phone: '081234567890' }, 'body.nik'],
      ['a NIK of 15 digits', { name: 'Budi', nik: '327301234567890', phone: '081234567890' }, 'body.nik'],
      ['no phone and no email', { name: 'Budi', nik: '3273012345678901' }, 'body.phone'],
      ['a malformed email', { name: 'Budi', nik: '3273012345678901', email: 'not-an-address' }, 'body.email'],
      ['an unknown field', { name: 'Budi', nik: '3273012345678901', phone: '081234567890', status: 'verified' }, 'body.status'],
    ])('%s is a 400 naming the field', async (_label, body, path) => {
      const response = await register(body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    });

    test('erasing the account makes its registration data unreadable', async () => {
      const response = await register({ name: 'Ani', nik: '3273014101950001', phone: freshPhone() });
      const { reporterId } = response.body as { reporterId: string };
      const api = apiClient(harness());
      expect((await request(harness().app).post(`/api/reporters/${reporterId}/erase`).set('authorization', await api.as.reporter(reporterId)).send({})).status).toBe(200);
      const stream = await harness().store.readStream(reporterStreamId(reporterId));
      expect(stream.map((event) => event.type)).toEqual(['ReporterRegistered', 'ReporterErasureRequested']);
      expect(await harness().vault.open(SealedPersonalData.parse((stream[0]!.data as { personalData: unknown }).personalData))).toEqual({ erased: true });
    });
  });
}
