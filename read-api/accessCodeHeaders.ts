import { z } from 'zod';

/** The optional X-Access-Code header of the GET routes a receipt opens; `description` says what it opens there. */
export const accessCodeHeaders = (description: string) =>
  z.object({ 'x-access-code': z.string().max(64).optional().meta({ description }) }).strict();
