import { readCookie } from './i18n.ts';

/** One field's problem, as the server words it in the user's language. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An answer other than 2xx. `message` is already in the user's language (the server reads the `lang`
 * cookie). Status 0 means the server could not be reached.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server's message for one field of a form, if it named that field. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const statusOf = (e: unknown): number | undefined => (isApiError(e) ? e.status : undefined);

let unauthorized: (() => void) | null = null;

/** The app shell registers what to do when the session has ended (go to the login page). */
export function onUnauthorized(handler: () => void): () => void {
  unauthorized = handler;
  return () => {
    if (unauthorized === handler) unauthorized = null;
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Paths whose 401 means "wrong password", not "session over". */
const LOGIN_PATH = '/api/auth/login';

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; fields?: FieldProblem[] };
    };
    if (body.error?.message)
      return new ApiError(response.status, body.error.code ?? 'error', body.error.message, body.error.fields);
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic error.
  }
  return new ApiError(response.status, 'http', '');
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie('csrf_token');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && path !== LOGIN_PATH) {
      if (unauthorized) unauthorized();
      else if (location.pathname !== '/login') location.assign('/login');
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Query string from the non-empty entries of an object. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
