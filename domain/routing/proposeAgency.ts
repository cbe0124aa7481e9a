import { agencyRegistry, type AgencyRegistry } from './agencyRegistry';
import { type ComplaintCategory, categoryNames } from './categories';
import { provinceGovernmentId, regencyGovernmentId } from './localGovernments';
import { localUnitId } from './localGovernmentUnits';
import { regionCodeParts, type RegionCodeParts } from './regionCode';
import { isValidRegionCode, regionName } from './regions';
import { type RoutingRule, routingTable } from './routingTable';

export type ProposeAgencyInput = {
  readonly category: ComplaintCategory;
  /** Kemendagri code of where the matter happened: province, regency/city or district. */
  readonly regionCode: string;
  /** The agency the reporter named on the form, if any. */
  readonly suggestedAgencyId?: string;
};

/** A proposal for the SP4N admin, who decides; it is never a disposition by itself. */
export type AgencyProposal = {
  readonly agencyId: string;
  readonly basis: 'routing-table' | 'reporter-suggestion';
  /** Why this agency, in words the admin can check. */
  readonly reason: string;
  /** Other plausible owners: the reporter's suggestion when not followed, or the table's answer when it was. */
  readonly alsoConsider: readonly string[];
};

export type RoutingError = { readonly code: 'unknown-region'; readonly message: string };

export type ProposeAgencyResult =
  | { readonly ok: true; readonly proposal: AgencyProposal }
  | { readonly ok: false; readonly error: RoutingError };

type TableAnswer = { readonly agencyId: string; readonly note?: string };

type LocalRule = Extract<RoutingRule, { level: 'regency' | 'province' }>;

/** The government at the rule's tier that serves the region, noting when it stands in for another. */
function servingGovernment(rule: LocalRule, region: RegionCodeParts, registry: AgencyRegistry): TableAnswer {
  const provinceId = provinceGovernmentId(region.provinceCode);
  if (rule.level === 'province') return { agencyId: provinceId };
  if (region.regencyCode === undefined) {
    return { agencyId: provinceId, note: 'only a province was given, so the province stands in for the regency/city' };
  }
  const regencyName = regionName(region.regencyCode) ?? region.regencyCode;
  const regencyId = regencyGovernmentId(region.regencyCode, regencyName);
  // Jakarta's administrative cities are served by the province and its dinas.
  const accountableAbove = registry.parentOf(regencyId);
  if (accountableAbove === undefined) return { agencyId: regencyId };
  return { agencyId: accountableAbove, note: `${regencyName} is an administrative area served by the province` };
}

/** That government's dinas named by the rule, when it has one; the government itself otherwise. */
function localAnswer(rule: LocalRule, region: RegionCodeParts, registry: AgencyRegistry): TableAnswer {
  const government = servingGovernment(rule, region, registry);
  if (rule.unit === undefined) return government;
  const unitId = localUnitId(government.agencyId, rule.unit);
  return registry.exists(unitId) ? { ...government, agencyId: unitId } : government;
}

function tableAnswer(rule: RoutingRule, region: RegionCodeParts, registry: AgencyRegistry): TableAnswer {
  return rule.level === 'national' ? { agencyId: rule.agencyId } : localAnswer(rule, region, registry);
}

/** True when `id` is `ancestorId` or one of its units (a more specific door of the same owner). */
function isSameOrUnitOf(id: string, ancestorId: string, registry: AgencyRegistry): boolean {
  for (let current: string | undefined = id; current !== undefined; current = registry.parentOf(current)) {
    if (current === ancestorId) return true;
  }
  return false;
}

/** "Gambir, Kota Administrasi Jakarta Pusat" for a district; the plain name otherwise. */
function regionLabel(code: string, region: RegionCodeParts): string {
  const name = regionName(code) ?? code;
  if (region.level !== 'district' || region.regencyCode === undefined) return name;
  return `${name}, ${regionName(region.regencyCode)}`;
}

function agencyLabel(id: string, registry: AgencyRegistry): string {
  return `${registry.get(id)?.name ?? id} (${id})`;
}

/**
 * Proposes the one agency with authority over a complaint, from the routing table
 * (category x region). The reporter's suggestion is followed when it names the same
 * agency or one of its units, or when the category has no specific rule; otherwise it is
 * listed under alsoConsider, since reporters often name the office they visited rather
 * than the one with authority.
 */
export function proposeAgency(input: ProposeAgencyInput, registry: AgencyRegistry = agencyRegistry): ProposeAgencyResult {
  const region = regionCodeParts(input.regionCode);
  if (region === undefined || !isValidRegionCode(input.regionCode)) {
    const message = `region code ${JSON.stringify(input.regionCode)} is not a Kemendagri province, regency/city or district code`;
    return { ok: false, error: { code: 'unknown-region', message } };
  }
  const rule = routingTable[input.category];
  const answer = tableAnswer(rule, region, registry);
  const tableReason =
    `${categoryNames[input.category].id} in ${regionLabel(input.regionCode, region)}: ${rule.why}` +
    `${answer.note === undefined ? '' : `; ${answer.note}`} -> ${agencyLabel(answer.agencyId, registry)}`;
  const fromTable = (extra: string, alsoConsider: readonly string[]): ProposeAgencyResult => ({
    ok: true,
    proposal: { agencyId: answer.agencyId, basis: 'routing-table', reason: `${tableReason}${extra}`, alsoConsider },
  });

  const suggested = input.suggestedAgencyId;
  if (suggested === undefined || suggested === answer.agencyId) return fromTable('', []);
  if (!registry.exists(suggested)) {
    return fromTable(`; the reporter's suggestion ${JSON.stringify(suggested)} is not a registered agency`, []);
  }

  const preferSuggestion = rule.level !== 'national' && rule.preferReporterSuggestion === true;
  if (preferSuggestion || isSameOrUnitOf(suggested, answer.agencyId, registry)) {
    const why = preferSuggestion
      ? 'the category has no specific rule'
      : `it is a unit of ${agencyLabel(answer.agencyId, registry)}`;
    return {
      ok: true,
      proposal: {
        agencyId: suggested,
        basis: 'reporter-suggestion',
        reason: `the reporter named ${agencyLabel(suggested, registry)} and ${why}; table: ${tableReason}`,
        alsoConsider: [answer.agencyId],
      },
    };
  }
  return fromTable(`; the reporter named ${agencyLabel(suggested, registry)}, which is not that agency or one of its units`, [suggested]);
}
