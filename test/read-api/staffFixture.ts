import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { apiClient, validReport } from '../commands/http/apiHarness';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';
import { openReadApiHarness, type ReadApiHarness } from './readApiHarness';

/** The read side's now: four weeks after the fixture's decisions (2025-03-03), so every running clock has passed. */
export const READ_NOW = '2025-04-01T09:00:00+07:00';

/** Jakarta Pusat, an administrative city under the Pemprov DKI (its parent); two unrelated national bodies. */
export const AGENCY_A = 'pemkot-31.71';
export const PARENT_OF_A = 'pemprov-31';
export const AGENCY_B = 'kemenkes';
export const AGENCY_C = 'polri';

/** Strings that occur nowhere else: each found where the visibility matrix forbids it is a leak. */
export interface Canaries {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly nik: string;
  readonly title: string;
  readonly chronology: string;
  /** The reporter's reply: public only when the complaint is not confidential. */
  readonly reply: string;
  /** B's public follow-up: as public as the complaint. */
  readonly publicFollowUp: string;
  /** B's internal note: B's (and the Ombudsman's and admins') only. */
  readonly internalNote: string;
  /** Inside the PDF attached to the complaint: as public as the title. */
  readonly contentFile: string;
  /** Inside the PDF attached to B's internal note: as private as the note. */
  readonly noteFile: string;
}

/** Ids of the fixture's stored attachments (GET /api/attachments/{attachmentId}). */
export interface FixtureAttachments {
  readonly content: string;
  readonly internalNote: string;
}

export interface FixtureComplaint {
  readonly id: string;
  readonly trackingId: string;
  readonly accessCode: string;
  readonly reporterAccount: string;
  readonly anonymous: boolean;
  readonly confidential: boolean;
  readonly canaries: Canaries;
  readonly attachments: FixtureAttachments;
}

const digits = (count: number): string => Array.from(randomBytes(count), (byte) => String(byte % 10)).join('');
const word = (prefix: string): string => `${prefix}${randomBytes(6).toString('hex')}`;

function canaries(): Canaries {
  return {
    name: word('Kanarinama'),
    phone: `0813${digits(8)}`,
    email: `${word('kanari')}@contoh.id`,
    nik: `31${digits(14)}`,
    title: word('Kanarijudul'),
    chronology: word('Kanarikronologi'),
    reply: word('Kanaribalasan'),
    publicFollowUp: word('Kanaritindaklanjut'),
    internalNote: word('Kanaricatatan'),
    contentFile: word('Kanarilampiran'),
    noteFile: word('Kanarilampirancatatan'),
  };
}

/** Uploads a one-line PDF carrying `text`; its reference for an `attachments` list. */
async function uploadPdf(harness: ReadApiHarness, text: string): Promise<{ id: string; name: string; mediaType: string; sizeBytes: number }> {
  const pdf = Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1');
  const response = await request(harness.app).post('/api/attachments').attach('file', pdf, 'bukti.pdf');
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${response.text}`);
  return { ...(response.body as { id: string; mediaType: string; sizeBytes: number }), name: 'bukti.pdf' };
}

/**
 * One complaint in each anonymous x confidential combination, each of its own reporter
 * account and with a PDF attached, driven through the command API: verified by its first disposition to A, declined
 * by A (naming B), re-routed by the admin to B, accepted, a public follow-up and an internal
 * note by B (with a PDF), a reply by the reporter, resolved by B. Then every projection catches up.
 */
export async function buildStaffFixture(harness: ReadApiHarness): Promise<FixtureComplaint[]> {
  const api = apiClient(harness);
  const admin = await api.as.admin();
  const officerA = await api.as.officer(AGENCY_A);
  const officerB = await api.as.officer(AGENCY_B);
  const complaints: FixtureComplaint[] = [];
  for (const anonymous of [false, true]) {
    for (const confidential of [false, true]) {
      const c = canaries();
      const reporterAccount = word('acct-');
      const contentFile = await uploadPdf(harness, c.contentFile);
      const noteFile = await uploadPdf(harness, c.noteFile);
      const report = validReport({
        attachments: [contentFile],
        title: `Pelayanan buruk ${c.title}`,
        chronology: `Kejadian ${c.chronology} di loket.`,
        regionCode: '31.71',
        category: 'kesehatan',
        anonymous,
        confidential,
        reporter: { name: c.name, phone: c.phone, email: c.email, nik: c.nik },
      });
      const filed = await request(harness.app).post('/api/complaints').set('authorization', await api.as.reporter(reporterAccount)).send(report);
      if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${filed.text}`);
      const { id, trackingId, accessCode } = filed.body as { id: string; trackingId: string; accessCode: string };
      for (const [action, authorization, body] of [
        ['verify', admin, { agencyId: AGENCY_A }],
        ['decline', officerA, { reason: 'Bukan wewenang kami: urusan kesehatan.', suggestedAgencyId: AGENCY_B }],
        ['dispose', admin, { agencyId: AGENCY_B }],
        ['accept', officerB, { resolutionClass: 'medium' }],
        ['follow-ups', officerB, { visibility: 'public', text: `Sudah ditinjau ${c.publicFollowUp}.` }],
        ['follow-ups', officerB, { visibility: 'internal', text: `Catatan ${c.internalNote}.`, attachments: [noteFile] }],
        ['reply', await api.as.reporter(reporterAccount), { text: `Terima kasih ${c.reply}.` }],
        ['resolve', officerB, { summary: 'Petugas sudah ditegur dan layanan diperbaiki.' }],
      ] as const) {
        const response = await api.act(id, action, authorization, body);
        if (response.status !== 200) throw new Error(`${action}: ${response.status} ${response.text}`);
      }
      complaints.push({ id, trackingId, accessCode, reporterAccount, anonymous, confidential, canaries: c, attachments: { content: contentFile.id, internalNote: noteFile.id } });
    }
  }
  await harness.project();
  return complaints;
}

/** A harness on a fresh PostgreSQL schema with the fixture built, for the file's tests; dropped after them. */
export function staffFixtureOnPostgres(schemaPrefix: string): () => { readonly harness: ReadApiHarness; readonly fixture: FixtureComplaint[] } {
  const schema = uniqueSchema(schemaPrefix);
  let sql: SqlClient;
  let opened: { harness: ReadApiHarness; fixture: FixtureComplaint[] } | undefined;
  beforeAll(async () => {
    sql = connect();
    const harness = await openReadApiHarness(sql, schema, { readNow: READ_NOW });
    opened = { harness, fixture: await buildStaffFixture(harness) };
  }, 120_000);
  afterAll(async () => {
    await opened?.harness.close();
    await dropSchema(sql, schema);
    await sql.close();
  });
  return () => {
    if (opened === undefined) throw new Error('the staff fixture is not open yet');
    return opened;
  };
}
