import { rebuild, viewFor } from '../../../domain/complaint';
import { publicComplaintsCollection, validatedPage } from '../../../projections/public/publicProjection';
import type { RenderedDocument } from '../../../projections/shared/renderedDocuments';
import { events } from '../../domain/complaint/fixtures';

/** The public view of a complaint that an agency answered in public. */
function publicView(): Record<string, unknown> {
  const complaint = rebuild([events.submitted({ anonymous: false, confidential: false }), events.verified(), events.disposed('pemkot-bandung'), events.accepted('pemkot-bandung')]);
  if (!complaint.exists) throw new Error('fixture did not build');
  const view = viewFor({ kind: 'public' }, { complaint, reporter: { erased: false, data: { name: 'Budi Santoso', phone: '+6281234567890' } } });
  return JSON.parse(JSON.stringify(view)) as Record<string, unknown>;
}

const rendered = (body: unknown, collection = publicComplaintsCollection.name): RenderedDocument => ({ collection, id: 'LPR-1', keys: {}, body });

describe('validatedPage: the complaint page is validated when written, then served as stored', () => {
  test('a public view passes unchanged', () => {
    const document = rendered(publicView());
    expect(validatedPage(document)).toEqual(document);
  });

  test('a field outside the page schema, at the top or nested, never reaches the store', () => {
    expect(() => validatedPage(rendered({ ...publicView(), internalNotes: ['called the reporter'] }))).toThrow(/internalNotes/);
    const view = publicView();
    expect(() => validatedPage(rendered({ ...view, owner: { ...(view.owner as object), assigneeEmail: 'staff@pemkot.go.id' } }))).toThrow(/assigneeEmail/);
    expect(() => validatedPage(rendered({ shape: 'status_only', trackingId: 'LPR-1', status: 'submitted', title: 'confidential title' }))).toThrow(/title/);
  });

  test('other collections (counters, statistics) are not the page: left as they are', () => {
    const counter = rendered({ dimension: 'status', value: 'submitted', count: 3 }, 'counts');
    expect(validatedPage(counter)).toBe(counter);
  });
});
