import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { complaintEventRegistry, COMPLAINT_EVENT_TYPES } from '../../../domain/complaint';
import { events } from './fixtures';

const DOMAIN_DIR = join(__dirname, '../../../domain/complaint');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('complaint events', () => {
  it('registers every event type, named in the past tense, with a positive schema version', () => {
    expect(Object.keys(complaintEventRegistry).sort()).toEqual([...COMPLAINT_EVENT_TYPES].sort());
    for (const [type, definition] of Object.entries(complaintEventRegistry)) {
      // A past-tense word: regular -ed, or the irregular 'made' and 'put'.
      expect(type).toMatch(/(ed|Made|Put)([A-Z]|$)/);
      expect(Number.isInteger(definition.version) && definition.version > 0).toBe(true);
    }
  });

  it('validates the fixtures of every kind of event', () => {
    for (const make of Object.values(events)) {
      const event = make();
      expect(complaintEventRegistry[event.type]?.schema.safeParse(event.data).success).toBe(true);
    }
  });

  it('refuses NUL characters in event text (jsonb cannot store them)', () => {
    const submitted = events.submitted();
    const schema = complaintEventRegistry.ComplaintSubmitted?.schema;
    expect(schema?.safeParse({ ...submitted.data, chronology: 'a\u0000b' }).success).toBe(false);
    expect(complaintEventRegistry.FollowUpPosted?.schema.safeParse({ ...events.followUp().data, text: '\u0000' }).success).toBe(false);
  });

  it('carries the reporter only as a sealed envelope, never as plaintext fields', () => {
    const schema = complaintEventRegistry.ComplaintSubmitted?.schema;
    const data = events.submitted().data;
    expect(schema?.safeParse({ ...data, reporter: { name: 'Budi', phone: '0812' } }).success).toBe(false);
    expect(schema?.safeParse({ ...data, reporterName: 'Budi' }).success).toBe(false);
  });

  it('checks Kemendagri region codes and category slugs', () => {
    const schema = complaintEventRegistry.ComplaintSubmitted?.schema;
    const data = events.submitted().data;
    for (const regionCode of ['32', '32.73', '32.73.01', '32.73.01.1001']) expect(schema?.safeParse({ ...data, regionCode }).success).toBe(true);
    for (const regionCode of ['3', '32.7', '32.73.01.101', '32-73']) expect(schema?.safeParse({ ...data, regionCode }).success).toBe(false);
    expect(schema?.safeParse({ ...data, category: 'Jalan_Rusak' }).success).toBe(false);
  });

  it('domain/complaint imports no runtime code from the event store', () => {
    for (const file of sourceFiles(DOMAIN_DIR)) {
      const runtimeImports = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /from '(\.\.\/)+eventstore/.test(line) && !/^import type /.test(line));
      expect({ file, runtimeImports }).toEqual({ file, runtimeImports: [] });
    }
  });

  it('domain/complaint reads no clock and draws no random numbers', () => {
    for (const file of sourceFiles(DOMAIN_DIR)) {
      const source = readFileSync(file, 'utf8');
      expect({ file, clock: /Date\.now\(|new Date\(\)|Math\.random|randomUUID/.test(source) }).toEqual({ file, clock: false });
    }
  });
});
