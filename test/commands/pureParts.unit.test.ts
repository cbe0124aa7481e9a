import { derivedUuid, eventIdFor } from '../../commands/derivedId';
import { ifMatchRevision } from '../../commands/http/ifMatch';
import { complaintActions } from '../../commands/http/complaintActions';
import { StreamLocks } from '../../commands/streamLocks';
import { COMPLAINT_COMMAND_TYPES } from '../../domain/complaint';
import { HttpProblem } from '../../app/http/httpProblem';

test('derived ids are stable, distinct per name and valid version-5 UUIDs', () => {
  const seed = '0b6c3c1e-4f7e-4a52-9d2a-6a3c9f0e1a11';
  expect(eventIdFor(seed, 0)).toBe(eventIdFor(seed, 0));
  expect(eventIdFor(seed, 0)).not.toBe(eventIdFor(seed, 1));
  expect(derivedUuid(seed, 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(() => derivedUuid('not-a-uuid', 'x')).toThrow(RangeError);
});

test('If-Match: quoted revisions, * for any, anything else a 400', () => {
  expect(ifMatchRevision(undefined)).toBeUndefined();
  expect(ifMatchRevision('*')).toBeUndefined();
  expect(ifMatchRevision('"12"')).toBe(12);
  for (const bad of ['12', 'W/"12"', '"-1"', '"1", "2"']) expect(() => ifMatchRevision(bad)).toThrow(HttpProblem);
});

const dispose = { agencyId: 'kemenkes' };
const reject = { rejection: { reason: 'spam' } };
/** A valid body per action name (absent: an action without fields). */
const sampleBodies: Record<string, unknown> = {
  dispose,
  assign: dispose,
  verify: dispose,
  reject,
  archive: reject,
  hold: { reason: 'r' },
  'request-information': { question: 'q' },
  merge: { masterComplaintId: '7d1f2b9a-3c4e-4b5f-8a6d-1e2f3a4b5c6d' },
  redact: { title: 't', chronology: 'c' },
  accept: { resolutionClass: 'short' },
  decline: { reason: 'r' },
  delegate: { unitId: 'u' },
  'follow-ups': { visibility: 'public', text: 't' },
  resolve: { summary: 's' },
  reply: { text: 't' },
  supplement: { text: 't' },
  rate: { score: 3 },
  reopen: { reason: 'r' },
  'oversight-findings': { finding: 'f', maladministration: false },
};
const draft = { requestSeed: '0b6c3c1e-4f7e-4a52-9d2a-6a3c9f0e1a11', entityId: '7d1f2b9a-3c4e-4b5f-8a6d-1e2f3a4b5c6d' };

test('every command a person issues has a route; only scheduler commands (and intake) have none', () => {
  const routed = new Set(Object.entries(complaintActions).map(([name, action]) => action.toCommand(action.body.parse(sampleBodies[name] ?? {}), draft).type));
  expect(COMPLAINT_COMMAND_TYPES.filter((type) => !routed.has(type)).sort()).toEqual(['AutoCloseComplaint', 'EscalateComplaint', 'SubmitComplaint']);
});

test('minted ids go into the command and the answer', () => {
  const followUps = complaintActions['follow-ups']!;
  expect(followUps.toCommand(followUps.body.parse(sampleBodies['follow-ups']), draft)).toMatchObject({ followUpId: draft.entityId, attachments: [] });
  expect(followUps.created(draft)).toEqual({ followUpId: draft.entityId });
});

test('stream locks run work on one stream in order and other streams alongside', async () => {
  const locks = new StreamLocks();
  const order: string[] = [];
  const step = (stream: string, name: string, ms: number) =>
    locks.run(stream, async () => {
      order.push(`${name}:start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name}:end`);
    });
  await Promise.all([step('a', 'a1', 20), step('a', 'a2', 1), step('b', 'b1', 1)]);
  expect(order.indexOf('a1:end')).toBeLessThan(order.indexOf('a2:start'));
  expect(order.indexOf('b1:end')).toBeLessThan(order.indexOf('a1:end'));
  await expect(locks.run('a', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
  await expect(locks.run('a', async () => 'still usable')).resolves.toBe('still usable');
});
