import { adminActions, proposedAgencyOf } from '../../../web/admin/adminActions';
import type { StaffActionForm } from '../../../web/staff/caseActions';

const KEY = '11111111-1111-4111-8111-111111111111';
const bodyOf = (name: string, form: Omit<StaffActionForm, 'idempotencyKey'>) => adminActions.find((a) => a.name === name)!.body({ idempotencyKey: KEY, ...form });

describe('admin action bodies', () => {
  test('dispose sends the trimmed agency code, and the note only when one was typed', () => {
    expect(bodyOf('dispose', { agencyId: ' kemenkes ', note: '  ' })).toEqual({ agencyId: 'kemenkes' });
    expect(bodyOf('dispose', { agencyId: 'kemenkes', note: 'Urusan kesehatan.' })).toEqual({ agencyId: 'kemenkes', note: 'Urusan kesehatan.' });
  });

  test('reject nests the reason and the matter as the API expects, without an empty matter', () => {
    expect(bodyOf('reject', { rejection: 'spam', matter: '' })).toEqual({ rejection: { reason: 'spam' } });
    expect(bodyOf('reject', { rejection: 'out_of_scope', matter: 'criminal', note: 'Pidana.' })).toEqual({ rejection: { reason: 'out_of_scope', matter: 'criminal' }, note: 'Pidana.' });
  });

  test('a required field left out is sent empty, for the API to name', () => {
    expect(bodyOf('hold', {})).toEqual({ reason: '' });
    expect(bodyOf('merge', {})).toEqual({ masterComplaintId: '' });
    expect(bodyOf('make-confidential', {})).toEqual({});
  });
});

describe('the proposed agency', () => {
  test('is the routing table answer for the category and region; none for an unknown region or category', () => {
    expect(proposedAgencyOf({ category: 'infrastruktur', regionCode: '32.73' })).toBe('pemkot-32.73/dinas-pupr');
    expect(proposedAgencyOf({ category: 'infrastruktur', regionCode: '99.99' })).toBeUndefined();
    expect(proposedAgencyOf({ category: 'tidak-ada', regionCode: '32.73' })).toBeUndefined();
  });
});
