import { complaintEvent } from '../../../domain/complaint';
import { T0, T0_PLUS_3, actors, contextFor, events, sealedReporter, submitCommand } from './fixtures';
import { given } from './givenWhenThen';

describe('SubmitComplaint', () => {
  const { type: _type, ...report } = submitCommand();

  it('records a web report by a logged-in reporter, with their account id and a 3-working-day verification deadline', () => {
    given([])
      .when(submitCommand(), contextFor(actors.reporter))
      .then([complaintEvent('ComplaintSubmitted', { ...report, reporterAccountId: 'acct-reporter', at: T0, verifyBy: T0_PLUS_3 })]);
  });

  it('records a report by the public without an account', () => {
    given([])
      .when(submitCommand({ anonymous: true, confidential: true }), contextFor(actors.citizen))
      .then([complaintEvent('ComplaintSubmitted', { ...report, anonymous: true, confidential: true, at: T0, verifyBy: T0_PLUS_3 })]);
  });

  it('records an SMS 1708 report relayed by the gateway with its message id, every optional field set', () => {
    const command = submitCommand({
      channel: 'sms',
      channelMessageId: 'sms-778812',
      kind: 'permintaan_informasi',
      accessCodeHash: 'scrypt$abcdefabcdefabcdef',
      location: { description: 'Depan Pasar Kordon', coordinates: { latitude: -6.94, longitude: 107.66 } },
      suggestedAgencyId: 'pemkot-bandung',
      attachments: [{ id: 'att-1', name: 'lubang.jpg', mediaType: 'image/jpeg', sizeBytes: 20480 }],
    });
    const { type: _t, ...data } = command;
    given([]).when(command, contextFor(actors.gateway)).then([complaintEvent('ComplaintSubmitted', { ...data, at: T0, verifyBy: T0_PLUS_3 })]);
  });

  it('rejects a second submission into the same stream', () => {
    given([events.submitted()]).when(submitCommand(), contextFor(actors.reporter)).thenRejects('already_submitted', 'conflict');
  });

  it('rejects an incident date after today in Jakarta', () => {
    given([]).when(submitCommand({ incidentDate: '2025-03-04' }), contextFor(actors.reporter)).thenRejects('incident_date_in_future', 'invalid');
  });

  it('accepts an incident today in Jakarta even when it is still yesterday in UTC', () => {
    const earlyMorning = '2025-03-04T01:00:00+07:00';
    const decision = given([]).when(submitCommand({ incidentDate: '2025-03-04' }), contextFor(actors.reporter, earlyMorning)).decision;
    expect(decision.ok).toBe(true);
  });

  it('rejects a gateway channel used by a person, and a web submission through the gateway', () => {
    given([]).when(submitCommand({ channel: 'sms', channelMessageId: 'x' }), contextFor(actors.reporter)).thenRejects('channel_not_permitted', 'invalid');
    given([]).when(submitCommand({ channel: 'web' }), contextFor(actors.gateway)).thenRejects('channel_not_permitted', 'invalid');
    given([]).when(submitCommand({ channel: 'internal' }), contextFor(actors.citizen)).thenRejects('channel_not_permitted', 'invalid');
  });

  it('rejects a gateway submission without the channel message id', () => {
    given([]).when(submitCommand({ channel: 'twitter' }), contextFor(actors.gateway)).thenRejects('channel_message_id_required', 'invalid');
  });

  it.each([
    ['a NUL character in the chronology', { chronology: 'ada\u0000lubang' }],
    ['a NUL character in the title', { title: '\u0000' }],
    ['a blank title', { title: '   ' }],
    ['a malformed region code', { regionCode: '32.7' }],
    ['a category that is not a slug', { category: 'Jalan Rusak' }],
    ['an unknown kind', { kind: 'keluhan' }],
    ['a non-uuid complaint id', { complaintId: 'complaint-1' }],
    ['plaintext personal data instead of a sealed envelope', { reporter: { name: 'Budi' } }],
    ['an unknown extra field', { reporterName: 'Budi' }],
  ])('rejects %s as an invalid command', (_label, overrides) => {
    const command = { ...submitCommand(), ...overrides } as unknown as ReturnType<typeof submitCommand>;
    given([]).when(command, contextFor(actors.reporter)).thenRejects('invalid_command', 'invalid');
  });

  it('accepts village-level region codes and keeps the sealed reporter envelope unchanged', () => {
    const decision = given([]).when(submitCommand({ regionCode: '32.73.01.1001' }), contextFor(actors.citizen)).decision;
    expect(decision.ok && decision.events[0]?.type === 'ComplaintSubmitted' && decision.events[0].data.reporter).toEqual(sealedReporter);
  });
});
