import { agencyProjection } from './agency/agencyProjection';
import { attachmentReadersProjection } from './attachments/attachmentReadersProjection';
import { oversightProjection } from './oversight/oversightProjection';
import type { Projection } from './projection';
import { publicProjection } from './public/publicProjection';
import { reporterProjection } from './reporter/reporterProjection';
import type { CollectionCatalog } from './store/collectionSpec';

/** Every read model of the system, one projection each. */
export const allProjections: readonly Projection[] = [publicProjection, agencyProjection, reporterProjection, oversightProjection, attachmentReadersProjection];

export const collectionCatalogOf = (projections: readonly Projection[]): CollectionCatalog =>
  Object.fromEntries(projections.map((p) => [p.name, p.collections]));

export const collectionCatalog: CollectionCatalog = collectionCatalogOf(allProjections);

export function projectionNamed(name: string): Projection {
  const projection = allProjections.find((p) => p.name === name);
  if (!projection) throw new Error(`no projection named ${name} (known: ${allProjections.map((p) => p.name).join(', ')})`);
  return projection;
}
