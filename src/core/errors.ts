/**
 * Typed application errors, mapped to HTTP in one place (server/error-handler.ts).
 * Messages carry both languages so the handler can answer in the caller's.
 */
export interface Message {
  vi: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: Message;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Message,
    readonly fields: FieldError[] = [],
  ) {
    super(text.en);
  }
}

export const badRequest = (text: Message, fields: FieldError[] = []) =>
  new AppError(400, 'bad_request', text, fields);
export const unauthorized = () =>
  new AppError(401, 'unauthorized', { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' });
export const forbidden = () =>
  new AppError(403, 'forbidden', {
    vi: 'Bạn không có quyền truy cập nội dung này.',
    en: 'You do not have access to this.',
  });
export const notFound = (what: Message) => new AppError(404, 'not_found', what);
export const conflict = (text: Message, fields: FieldError[] = []) =>
  new AppError(409, 'conflict', text, fields);
