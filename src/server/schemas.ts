/** Request schemas every feature's routes share: unit codes, ids in the path, calendar dates. */
import { z } from 'zod';
import type { Message } from '../core/errors.ts';

const PREFIX = 'i18n:';

/**
 * A schema's own message in both languages (zod carries one string): the error handler answers in the caller's
 * language, where zod's generic text would show the pattern itself ("phải khớp với mẫu /^(VN|\d{2}…)$/").
 */
export const bilingual = (message: Message) => PREFIX + JSON.stringify(message);

export function readBilingual(text: string | undefined): Message | null {
  if (!text?.startsWith(PREFIX)) return null;
  return JSON.parse(text.slice(PREFIX.length)) as Message;
}

/** A GSO code: province (2 digits), district (3), commune (5), or VN for the whole country. */
export const unitCode = z.string().regex(
  /^(VN|\d{2}|\d{3}|\d{5})$/,
  bilingual({
    vi: 'mã đơn vị hành chính (mã GSO) gồm 2, 3 hoặc 5 chữ số, hoặc VN',
    en: 'an administrative unit code (GSO): 2, 3 or 5 digits, or VN',
  }),
);
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual({ vi: 'ngày theo dạng yyyy-mm-dd', en: 'a date as yyyy-mm-dd' }))
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    bilingual({ vi: 'không phải một ngày có thật', en: 'not a calendar date' }),
  );
