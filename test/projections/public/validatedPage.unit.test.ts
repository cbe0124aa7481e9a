import { rebuild, viewFor } from '../../../domain/complaint';
import { publicComplaintsCollection, validatedPage } from '../../../projections/public/publicProjection';
import type { DocumentChange } from '../../../projections/store/documents';
import { events } from '../../domain/complaint/fixtures';

/** The public view of a complaint that an agency answered in public. */
function publicView(): Record<string, unknown> {
  const complaint = rebuild([events.submitted({ anonymous: false, confidential: false }), events.verified(), events.disposed('pemkot-bandung'), events.accepted('pemkot-bandung')]);
  if (!complaint.exists) throw new Error('fixture did not build');
  const view = viewFor({ kind: 'public' }, { complaint, reporter: { erased: false, data: { name: 'Budi Santoso', phone: '+6281234567890' } } });
  return JSON.parse(JSON.stringify(view)) as Record<string, unknown>;
}

const put = (body: unknown, collection = publicComplaintsCollection.name): DocumentChange => ({ kind: 'put', collection, id: 'LPR-1', keys: {}, body });

describe('validatedPage: the complaint page is validated when written, then served as stored', () => {
  test('a public view passes unchanged', () => {
    const change = put(publicView());
    expect(validatedPage(change)).toEqual(change);
  });

  test('a field outside the page schema, at the top or nested, never reaches the store', () => {
    expect(() => validatedPage(put({ ...publicView(), internalNotes: ['called the reporter'] }))).toThrow(/internalNotes/);
    const view = publicView();
    expect(() => validatedPage(put({ ...view, owner: { ...(view.owner as object), assigneeEmail: 'staff@pemkot.go.id' } }))).toThrow(/assigneeEmail/);
    expect(() => validatedPage(put({ shape: 'status_only', trackingId: 'LPR-1', status: 'submitted', title: 'confidential title' }))).toThrow(/title/);
  });

  test('other collections (counters, statistics) and deletes are not the page: left as they are', () => {
    const counter = put({ dimension: 'status', value: 'submitted', count: 3 }, 'counts');
    expect(validatedPage(counter)).toBe(counter);
    const removal: DocumentChange = { kind: 'delete', collection: publicComplaintsCollection.name, id: 'LPR-1' };
    expect(validatedPage(removal)).toBe(removal);
  });
});
