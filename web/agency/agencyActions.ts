import { ResolutionClass } from '../../domain/timeLimits';
import { FollowUpVisibility } from '../../domain/complaint/events';
import type { AgencyRegistry } from '../../domain/routing';
import { present, presentFields, type CaseAction } from '../staff/caseActions';

/** An agency officer's actions on a complaint of their agency (commands/http/complaintActions.ts); units are their agency's. */
export function agencyActions(agencies: Pick<AgencyRegistry, 'unitsOf'>): readonly CaseAction[] {
  return [
    {
      name: 'accept',
      heading: 'agency.accept',
      submit: 'agency.acceptSubmit',
      controls: (ctx) => [
        { name: 'resolutionClass', kind: 'choice', label: ctx.t('agency.resolutionClass'), required: true, hint: ctx.t('agency.resolutionClassHint'), choices: ResolutionClass.options.map((c) => ({ value: c, label: ctx.t(`agency.classes.${c}`) })) },
      ],
      body: (form) => ({ resolutionClass: form.resolutionClass ?? '' }),
    },
    {
      name: 'decline',
      heading: 'agency.decline',
      submit: 'agency.declineSubmit',
      controls: (ctx) => [
        { name: 'reason', kind: 'text', label: ctx.t('agency.declineReason'), required: true },
        { name: 'suggestedAgencyId', kind: 'line', label: ctx.t('agency.suggestedAgencyId'), required: false, hint: ctx.t('agency.suggestedAgencyIdHint') },
      ],
      body: (form) => ({ reason: form.reason ?? '', ...presentFields({ suggestedAgencyId: form.suggestedAgencyId }) }),
    },
    {
      name: 'delegate',
      heading: 'agency.delegate',
      submit: 'agency.delegateSubmit',
      controls: (ctx) => [
        { name: 'unitId', kind: 'choice', label: ctx.t('agency.unit'), required: true, choices: agencies.unitsOf(ctx.actor?.agencyId ?? '').map((u) => ({ value: u.id, label: u.name })) },
      ],
      body: (form) => ({ unitId: present(form.unitId) ?? '' }),
    },
    {
      name: 'follow-ups',
      heading: 'agency.followUp',
      submit: 'agency.followUpSubmit',
      controls: (ctx) => [
        { name: 'visibility', kind: 'choice', label: ctx.t('agency.visibility'), required: true, hint: ctx.t('agency.visibilityHint'), choices: FollowUpVisibility.options.map((v) => ({ value: v, label: ctx.t(`agency.visibilities.${v}`) })) },
        { name: 'text', kind: 'text', label: ctx.t('agency.followUpText'), required: true },
      ],
      body: (form) => ({ visibility: form.visibility ?? '', text: form.text ?? '' }),
    },
    {
      name: 'resolve',
      heading: 'agency.resolve',
      submit: 'agency.resolveSubmit',
      controls: (ctx) => [{ name: 'summary', kind: 'text', label: ctx.t('agency.summary'), required: true }],
      body: (form) => ({ summary: form.summary ?? '' }),
    },
  ];
}
