import { Stage } from '../../domain/complaint';
import { OVERSIGHT_PROJECTION, oversightComplaintsCollection } from '../../projections/oversight/oversightProjection';
import { sortableInstant } from '../../projections/shared/instants';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import type { DueCandidates } from './schedulerPass';

const PAGE = 500;

/** Open complaints whose deadline is before `now`, by stage, from the oversight read model's (open, stage, dueAt) index. */
export const oversightDueCandidates =
  (reader: ReadModelReader): DueCandidates =>
  async function* (now) {
    for (const stage of Stage.options) {
      let cursor: string | undefined;
      do {
        const page = await reader.findDocuments(OVERSIGHT_PROJECTION, {
          collection: oversightComplaintsCollection.name,
          where: [
            { field: 'open', op: 'eq', value: true },
            { field: 'stage', op: 'eq', value: stage },
            { field: 'dueAt', op: 'lt', value: sortableInstant(now) },
          ],
          orderBy: { field: 'dueAt', direction: 'asc' },
          limit: PAGE,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const document of page.items) yield document.id;
        cursor = page.next;
      } while (cursor !== undefined);
    }
  };
