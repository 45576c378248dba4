/** Request schemas every feature's routes share: unit codes, ids in the path, calendar dates. */
import { z } from 'zod';

/** A GSO code: province (2 digits), district (3), commune (5), or VN for the whole country. */
export const unitCode = z.string().regex(/^(VN|\d{2}|\d{3}|\d{5})$/, 'GSO code: 2, 3 or 5 digits, or VN');
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd')
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    'not a calendar date',
  );
