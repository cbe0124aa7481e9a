import { z } from 'zod';
import { CaseViewSchema, StatusOnlyViewSchema } from '../../read-api/views/caseViewSchema';

/**
 * The public complaint page: the public view, or the status only of a confidential
 * complaint. Every level is strict, so a field the schema does not name fails the parse.
 * The public projection validates each body it writes with it, and the page is then served
 * as stored, unparsed (read-api/public/publicComplaintRoutes.ts).
 */
export const PublicComplaintPage = z.discriminatedUnion('shape', [CaseViewSchema, StatusOnlyViewSchema]);
