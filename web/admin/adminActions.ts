import { proposeAgency, ComplaintCategory } from '../../domain/routing';
import { OutOfScopeMatter } from '../../domain/complaint';
import type { PageContext } from '../http/pageContext';
import type { CaseView } from '../views/caseView';
import { present, presentFields, type CaseAction } from '../staff/caseActions';

const REJECTION_REASONS = ['spam', 'incomplete', 'out_of_scope'] as const;

/** The agency the routing table (or the reporter's suggestion) proposes for the case; undefined when its region is unknown. */
export function proposedAgencyOf(view: Pick<CaseView, 'category' | 'regionCode'>): string | undefined {
  const category = ComplaintCategory.safeParse(view.category);
  if (!category.success) return undefined;
  const proposal = proposeAgency({ category: category.data, regionCode: view.regionCode });
  return proposal.ok ? proposal.proposal.agencyId : undefined;
}

const note = (ctx: PageContext) => ({ name: 'note', kind: 'text', label: ctx.t('admin.note'), required: false }) as const;

/** The SP4N admin's actions on a complaint in the verification queue (commands/http/complaintActions.ts). */
export const adminActions: readonly CaseAction[] = [
  {
    name: 'dispose',
    heading: 'admin.dispose',
    submit: 'admin.disposeSubmit',
    controls: (ctx, view) => {
      const proposed = proposedAgencyOf(view);
      return [{ name: 'agencyId', kind: 'line', label: ctx.t('admin.agencyId'), required: true, hint: ctx.t('admin.agencyIdHint'), ...(proposed === undefined ? {} : { initial: proposed }) }, note(ctx)];
    },
    body: (form) => ({ agencyId: present(form.agencyId) ?? '', ...presentFields({ note: form.note }) }),
  },
  {
    name: 'reject',
    heading: 'admin.reject',
    submit: 'admin.rejectSubmit',
    controls: (ctx) => [
      { name: 'rejection', kind: 'choice', label: ctx.t('admin.rejection'), required: true, choices: REJECTION_REASONS.map((r) => ({ value: r, label: ctx.t(`admin.rejections.${r}`) })) },
      { name: 'matter', kind: 'choice', label: ctx.t('admin.matter'), required: false, hint: ctx.t('admin.matterHint'), choices: OutOfScopeMatter.options.map((m) => ({ value: m, label: ctx.t(`admin.matters.${m}`) })) },
      note(ctx),
    ],
    body: (form) => ({ rejection: { reason: form.rejection ?? '', ...presentFields({ matter: form.matter }) }, ...presentFields({ note: form.note }) }),
  },
  {
    name: 'hold',
    heading: 'admin.hold',
    submit: 'admin.holdSubmit',
    controls: (ctx) => [{ name: 'reason', kind: 'text', label: ctx.t('admin.holdReason'), required: true }],
    body: (form) => ({ reason: form.reason ?? '' }),
  },
  {
    name: 'request-information',
    heading: 'admin.requestInformation',
    submit: 'admin.requestInformationSubmit',
    controls: (ctx) => [{ name: 'question', kind: 'text', label: ctx.t('admin.question'), required: true }],
    body: (form) => ({ question: form.question ?? '' }),
  },
  {
    name: 'merge',
    heading: 'admin.merge',
    submit: 'admin.mergeSubmit',
    controls: (ctx) => [{ name: 'masterComplaintId', kind: 'line', label: ctx.t('admin.masterComplaintId'), required: true, hint: ctx.t('admin.masterComplaintIdHint') }],
    body: (form) => ({ masterComplaintId: present(form.masterComplaintId) ?? '' }),
  },
  {
    name: 'redact',
    heading: 'admin.redact',
    submit: 'admin.redactSubmit',
    controls: (ctx, view) => [
      { name: 'title', kind: 'line', label: ctx.t('admin.redactTitle'), required: true, initial: view.title },
      { name: 'chronology', kind: 'text', label: ctx.t('admin.redactChronology'), required: true, initial: view.chronology },
    ],
    body: (form) => ({ title: form.title ?? '', chronology: form.chronology ?? '' }),
  },
  {
    name: 'make-confidential',
    heading: 'admin.makeConfidential',
    submit: 'admin.makeConfidentialSubmit',
    controls: () => [],
    body: () => ({}),
  },
];
