import type { Complaint } from './state';
import {
  ANONYMOUS_NAME,
  type Audience,
  type AudienceKind,
  type CaseView,
  type ComplaintView,
  type OversightMarkers,
  type ReporterContact,
  type VisibilityInput,
} from './views';

/**
 * The visibility matrix of DESIGN.md as data, one row per audience. Read models must call
 * viewFor rather than re-implement any of this.
 */
interface AudienceRules {
  /** Confidential reports show the public their status only (tracking-id lookup). */
  readonly statusOnlyIfConfidential: boolean;
  /** The public reads the redacted text; everyone else the text as submitted. */
  readonly text: 'public' | 'original';
  readonly reporterName: 'always' | 'unless_anonymous';
  readonly contact: boolean;
  /** Internal notes: none, those its own agency wrote, or all. */
  readonly internalNotes: 'none' | 'own_agency' | 'all';
  /** Supplements go to the admin and the agency with the case file; replies are public. */
  readonly supplements: boolean;
  readonly informationRequests: boolean;
  readonly oversight: boolean;
}

/** SP4N admins and the Ombudsman see the whole case file (but not the event history: that is the ledger's). */
const fullCaseFile: AudienceRules = {
  statusOnlyIfConfidential: false,
  text: 'original',
  reporterName: 'always',
  contact: true,
  internalNotes: 'all',
  supplements: true,
  informationRequests: true,
  oversight: true,
};

const visibilityMatrix: Readonly<Record<AudienceKind, AudienceRules>> = {
  public: {
    statusOnlyIfConfidential: true,
    text: 'public',
    reporterName: 'unless_anonymous',
    contact: false,
    internalNotes: 'none',
    supplements: false,
    informationRequests: false,
    oversight: false,
  },
  reporter: {
    statusOnlyIfConfidential: false,
    text: 'original',
    reporterName: 'always',
    contact: true,
    internalNotes: 'none',
    supplements: true,
    informationRequests: true,
    oversight: false,
  },
  agency: {
    statusOnlyIfConfidential: false,
    text: 'original',
    reporterName: 'unless_anonymous',
    contact: false,
    internalNotes: 'own_agency',
    supplements: true,
    informationRequests: false,
    oversight: false,
  },
  admin: fullCaseFile,
  ombudsman: fullCaseFile,
};

/** Reporters see their own complaints; agencies those assigned to them now or before. */
function maySee(audience: Audience, complaint: Complaint): boolean {
  if (audience.kind === 'reporter') {
    return audience.proof.by === 'access_code' || (complaint.reporterAccountId !== undefined && audience.proof.accountId === complaint.reporterAccountId);
  }
  if (audience.kind === 'agency') return complaint.agenciesInvolved.includes(audience.agencyId);
  return true;
}

function reporterName(rules: AudienceRules, { complaint, reporter }: VisibilityInput): string | null {
  if (rules.reporterName === 'unless_anonymous' && complaint.anonymous) return ANONYMOUS_NAME;
  return reporter?.erased === false ? (reporter.data.name ?? null) : null;
}

function reporterContact({ reporter }: VisibilityInput): ReporterContact {
  if (reporter === undefined || reporter.erased) return null;
  const { name: _name, ...contact } = reporter.data;
  return contact;
}

function oversightMarkers(c: Complaint): OversightMarkers {
  return {
    historyStreamId: `complaint-${c.complaintId}`,
    channel: c.channel,
    ...(c.channelMessageId === undefined ? {} : { channelMessageId: c.channelMessageId }),
    ...(c.reporterAccountId === undefined ? {} : { reporterAccountId: c.reporterAccountId }),
    reporterDataErased: c.reporterDataErased,
    ...(c.holdReason === undefined ? {} : { holdReason: c.holdReason }),
    ...(c.publicText === undefined ? {} : { redaction: c.publicText }),
    declines: c.declines,
    escalations: c.escalations,
    findings: c.findings,
    agenciesInvolved: c.agenciesInvolved,
  };
}

/** Optional fields copied only when set, so "absent" means the key is absent. */
function optionalFacts(c: Complaint): Partial<CaseView> {
  return {
    ...(c.closure === undefined ? {} : { closure: c.closure }),
    ...(c.deadline === undefined ? {} : { deadline: c.deadline }),
    ...(c.verifiedAt === undefined ? {} : { verifiedAt: c.verifiedAt }),
    ...(c.resolutionClass === undefined ? {} : { resolutionClass: c.resolutionClass }),
    ...(c.location === undefined ? {} : { location: c.location }),
    ...(c.resolution === undefined ? {} : { resolution: c.resolution }),
    ...(c.rating === undefined ? {} : { rating: c.rating }),
  };
}

/** What `audience` may see of a complaint, per the DESIGN.md matrix; undefined when nothing. */
export function viewFor(audience: Audience, input: VisibilityInput): ComplaintView {
  const { complaint: c } = input;
  if (!maySee(audience, c)) return undefined;
  const rules = visibilityMatrix[audience.kind];
  if (rules.statusOnlyIfConfidential && c.confidential) return { shape: 'status_only', trackingId: c.trackingId, status: c.status };
  const showRedacted = rules.text === 'public' && c.publicText !== undefined;
  const ownAgency = audience.kind === 'agency' ? audience.agencyId : undefined;
  return {
    shape: 'case',
    audience: audience.kind,
    complaintId: c.complaintId,
    trackingId: c.trackingId,
    kind: c.kind,
    status: c.status,
    owner: c.owner,
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    escalated: c.escalations.length > 0,
    anonymous: c.anonymous,
    confidential: c.confidential,
    category: c.category,
    regionCode: c.regionCode,
    incidentDate: c.incidentDate,
    ...optionalFacts(c),
    title: showRedacted && c.publicText ? c.publicText.title : c.title,
    chronology: showRedacted && c.publicText ? c.publicText.chronology : c.chronology,
    redacted: showRedacted,
    attachments: c.attachments,
    reporterName: reporterName(rules, input),
    ...(rules.contact ? { reporterContact: reporterContact(input) } : {}),
    followUps: c.followUps.filter(
      (f) => f.visibility === 'public' || rules.internalNotes === 'all' || (rules.internalNotes === 'own_agency' && f.byAgencyId === ownAgency),
    ),
    reporterMessages: rules.supplements ? c.reporterMessages : c.reporterMessages.filter((m) => m.kind === 'reply'),
    ...(rules.informationRequests ? { informationRequests: c.informationRequests } : {}),
    supportCount: c.supporterAccountIds.length,
    ...(rules.oversight ? { oversight: oversightMarkers(c) } : {}),
  };
}
