import { COMPLAINT_COMMAND_TYPES, decide, rebuild, type ActorRole, type ComplaintCommand, type ComplaintCommandType, type ComplaintEvent, type DecisionActor } from '../../../domain/complaint';
import { AFTER_10, AFTER_3, COMPLAINT_ID, MASTER_ID, T0, T0_PLUS_10, T0_PLUS_3, actors, contextFor, histories, submitCommand } from './fixtures';

/**
 * Who may do what, written out by hand from issue 3 and DESIGN.md:
 * yes = every actor of the role; own = only the reporter of this complaint;
 * owning = only an officer of the owning agency (its unit or its parent);
 * receipt = only with this complaint's receipt access code (checked by the command side); no = refused.
 */
type Expected = 'yes' | 'own' | 'owning' | 'receipt' | 'no';
const ROLES: readonly ActorRole[] = ['public', 'reporter', 'admin', 'agency_officer', 'ombudsman', 'channel_gateway', 'system'];
//                                           public  reporter  admin  agency    ombuds  gateway  system
const table: Record<ComplaintCommandType, [Expected, Expected, Expected, Expected, Expected, Expected, Expected]> = {
  SubmitComplaint:        ['yes', 'yes', 'no',  'no',     'no',  'yes', 'no'],
  DisposeComplaint:       ['no',  'no',  'yes', 'no',     'no',  'no',  'no'],
  RejectComplaint:        ['no',  'no',  'yes', 'no',     'no',  'no',  'no'],
  HoldComplaint:          ['no',  'no',  'yes', 'no',     'no',  'no',  'no'],
  RequestInformation:     ['no',  'no',  'yes', 'no',     'no',  'no',  'no'],
  MergeDuplicate:         ['no',  'no',  'yes', 'no',     'no',  'no',  'no'],
  RedactPublicText:       ['no',  'no',  'yes', 'no',     'no',  'no',  'no'],
  AcceptAssignment:       ['no',  'no',  'no',  'owning', 'no',  'no',  'no'],
  DeclineAssignment:      ['no',  'no',  'no',  'owning', 'no',  'no',  'no'],
  DelegateToUnit:         ['no',  'no',  'no',  'owning', 'no',  'no',  'no'],
  PostFollowUp:           ['no',  'no',  'no',  'owning', 'no',  'no',  'no'],
  ResolveComplaint:       ['no',  'no',  'no',  'owning', 'no',  'no',  'no'],
  ReplyToFollowUp:        ['receipt', 'own', 'no',  'no',     'no',  'no',  'no'],
  SupplementInformation:  ['receipt', 'own', 'no',  'no',     'no',  'no',  'no'],
  RateOutcome:            ['receipt', 'own', 'no',  'no',     'no',  'no',  'no'],
  ReopenComplaint:        ['receipt', 'own', 'no',  'no',     'no',  'no',  'no'],
  RecordOversightFinding: ['no',  'no',  'no',  'no',     'yes', 'no',  'no'],
  SupportComplaint:       ['no',  'yes', 'no',  'no',     'no',  'no',  'no'],
  MakeConfidential:       ['no',  'own', 'yes', 'no',     'no',  'no',  'no'],
  EraseReporterData:      ['no',  'own', 'yes', 'no',     'no',  'no',  'no'],
  EscalateComplaint:      ['no',  'no',  'no',  'no',     'no',  'no',  'yes'],
  AutoCloseComplaint:     ['no',  'no',  'no',  'no',     'no',  'no',  'yes'],
};

/** A history and a command that succeed for an allowed actor, so only permission decides. */
interface Scenario {
  readonly given: () => ComplaintEvent[];
  readonly command: (role: ActorRole) => ComplaintCommand;
  readonly now?: string;
}
const text = { text: 'Isi.', attachments: [] };
const scenarios: Record<ComplaintCommandType, Scenario> = {
  SubmitComplaint: { given: () => [], command: (role) => (role === 'channel_gateway' ? submitCommand({ channel: 'sms', channelMessageId: 'm-1' }) : submitCommand()) },
  DisposeComplaint: { given: histories.submitted, command: () => ({ type: 'DisposeComplaint', agencyId: 'kemenkes' }) },
  RejectComplaint: { given: histories.submitted, command: () => ({ type: 'RejectComplaint', rejection: { reason: 'spam' } }) },
  HoldComplaint: { given: histories.submitted, command: () => ({ type: 'HoldComplaint', reason: 'Tunda.' }) },
  RequestInformation: { given: histories.submitted, command: () => ({ type: 'RequestInformation', question: 'Di mana?' }) },
  MergeDuplicate: { given: histories.submitted, command: () => ({ type: 'MergeDuplicate', masterComplaintId: MASTER_ID }) },
  RedactPublicText: { given: histories.submitted, command: () => ({ type: 'RedactPublicText', title: 'T', chronology: 'C' }) },
  AcceptAssignment: { given: histories.disposed, command: () => ({ type: 'AcceptAssignment', resolutionClass: 'long' }) },
  DeclineAssignment: { given: histories.disposed, command: () => ({ type: 'DeclineAssignment', reason: 'Bukan wewenang.' }) },
  DelegateToUnit: { given: histories.inProgress, command: () => ({ type: 'DelegateToUnit', unitId: 'pemkot-bandung-dishub' }) },
  PostFollowUp: { given: histories.inProgress, command: () => ({ type: 'PostFollowUp', followUpId: 'fu-p', visibility: 'public', ...text }) },
  ResolveComplaint: { given: histories.inProgress, command: () => ({ type: 'ResolveComplaint', summary: 'Selesai.' }) },
  ReplyToFollowUp: { given: histories.inProgress, command: () => ({ type: 'ReplyToFollowUp', ...text }) },
  SupplementInformation: { given: histories.inProgress, command: () => ({ type: 'SupplementInformation', ...text }) },
  RateOutcome: { given: histories.resolved, command: () => ({ type: 'RateOutcome', score: 3 }) },
  ReopenComplaint: { given: histories.resolved, command: () => ({ type: 'ReopenComplaint', reason: 'Belum beres.' }) },
  RecordOversightFinding: { given: histories.submitted, command: () => ({ type: 'RecordOversightFinding', findingId: 'f', finding: 'Temuan.', maladministration: false }) },
  SupportComplaint: { given: histories.inProgress, command: () => ({ type: 'SupportComplaint' }) },
  MakeConfidential: { given: histories.submitted, command: () => ({ type: 'MakeConfidential' }) },
  EraseReporterData: { given: histories.submitted, command: () => ({ type: 'EraseReporterData' }) },
  EscalateComplaint: { given: histories.submitted, now: AFTER_3, command: () => ({ type: 'EscalateComplaint', key: `${COMPLAINT_ID}/escalate/verification/${T0_PLUS_3}` }) },
  AutoCloseComplaint: { given: histories.resolved, now: AFTER_10, command: () => ({ type: 'AutoCloseComplaint', key: `${COMPLAINT_ID}/auto-close/reporter_reply/${T0_PLUS_10}` }) },
};

/** The actor the table allows for each role: the complaint's own reporter (another one to support it), the owning agency. */
const allowedActor: Record<ActorRole, (type: ComplaintCommandType) => DecisionActor> = {
  public: () => actors.citizen,
  reporter: (type) => (type === 'SupportComplaint' ? actors.otherReporter : actors.reporter),
  admin: () => actors.admin,
  agency_officer: () => actors.bandung,
  ombudsman: () => actors.ombudsman,
  channel_gateway: () => actors.gateway,
  system: () => actors.system,
};

function run(type: ComplaintCommandType, actor: DecisionActor) {
  const scenario = scenarios[type];
  return decide(rebuild(scenario.given()), scenario.command(actor.role), contextFor(actor, scenario.now ?? T0));
}

const cells = COMPLAINT_COMMAND_TYPES.flatMap((type) => ROLES.map((role, column) => ({ type, role, expected: table[type][column] as Expected })));

describe('permission table: every role x every command', () => {
  it('covers every command', () => {
    expect(Object.keys(table).sort()).toEqual([...COMPLAINT_COMMAND_TYPES].sort());
    expect(cells).toHaveLength(COMPLAINT_COMMAND_TYPES.length * ROLES.length);
  });

  it.each(cells)('$role may $type: $expected', ({ type, role, expected }) => {
    const decision = run(type, allowedActor[role](type));
    if (expected === 'no' || expected === 'receipt') {
      expect(decision).toEqual({ ok: false, error: expect.objectContaining({ kind: 'forbidden', code: 'role_not_permitted' }) });
    } else {
      expect(decision.ok ? 'allowed' : decision.error).toBe('allowed');
    }
  });

  const receiptCells = cells.filter((c) => c.expected === 'receipt');
  it.each(receiptCells)('$type is allowed to the $role with the complaint\'s receipt, refused with another', ({ type }) => {
    const scenario = scenarios[type];
    const filed = { ...rebuild(scenario.given()), accessCodeHash: 'hash-of-this-receipt' };
    const withReceipt = (accessCodeHash: string) => ({ ...contextFor(actors.citizen, scenario.now ?? T0), receipt: { accessCodeHash } });
    expect(decide(filed, scenario.command('public'), withReceipt('hash-of-this-receipt')).ok).toBe(true);
    expect(decide(filed, scenario.command('public'), withReceipt('hash-of-another'))).toEqual({ ok: false, error: expect.objectContaining({ kind: 'forbidden', code: 'not_the_reporter' }) });
  });

  const ownCells = cells.filter((c) => c.expected === 'own');
  it.each(ownCells)('$type is refused to a reporter who did not submit the complaint', ({ type }) => {
    expect(run(type, actors.otherReporter)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'forbidden', code: 'not_the_reporter' }) });
  });

  const owningCells = cells.filter((c) => c.expected === 'owning');
  it.each(owningCells)('$type is allowed to the parent agency and refused to an unrelated agency', ({ type }) => {
    expect(run(type, actors.jabar).ok).toBe(true);
    expect(run(type, actors.kemenkes)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'forbidden', code: 'not_the_owning_agency' }) });
  });

  it('lets the delegated unit act, but not a sibling agency under the same parent', () => {
    const delegated = [...histories.inProgress(), { type: 'ComplaintDelegated', data: { agencyId: 'pemkot-bandung', unitId: 'pemkot-bandung-dishub', at: T0 } } as const];
    const resolve: ComplaintCommand = { type: 'ResolveComplaint', summary: 'Selesai.' };
    expect(decide(rebuild(delegated), resolve, contextFor(actors.dishub)).ok).toBe(true);
    expect(decide(rebuild(delegated), resolve, contextFor(actors.bogor))).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_the_owning_agency' }) });
  });

  it('refuses an agency officer without an agency id', () => {
    const officerWithoutAgency: DecisionActor = { id: 'officer-x', role: 'agency_officer' };
    expect(decide(rebuild(histories.disposed()), { type: 'AcceptAssignment', resolutionClass: 'short' }, contextFor(officerWithoutAgency)).ok).toBe(false);
  });
});
