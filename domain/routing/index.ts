export { Agency, AgencyId, AgencyKind } from './agency';
export { agencyRegistry, createAgencyRegistry, type AgencyRegistry } from './agencyRegistry';
export { categoryNames, ComplaintCategory, type CategoryNames } from './categories';
export { LocalUnitSlug } from './localGovernmentUnits';
export { nationalAgencyFile } from './nationalAgencies';
export {
  proposeAgency,
  type AgencyProposal,
  type ProposeAgencyInput,
  type ProposeAgencyResult,
  type RoutingError,
} from './proposeAgency';
export { DistrictCode, ProvinceCode, RegencyCode, RegionCode, regionCodeParts, type RegionLevel } from './regionCode';
export { isValidRegionCode, regionData, regionName } from './regions';
export { routingTable, type RoutingRule } from './routingTable';
