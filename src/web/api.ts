import { readCookie } from './cookies.ts';

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

/** The error of a non-2xx answer from its body text; a body that is not our JSON gives a generic error. */
function errorFromText(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as {
      error?: { code?: string; message?: string; fields?: FieldProblem[] };
    };
    if (body.error?.message)
      return new ApiError(status, body.error.code ?? 'error', body.error.message, body.error.fields);
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic error.
  }
  return new ApiError(status, 'http', '');
}

async function errorFrom(response: Response): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The body could not be read: a generic error.
  }
  return errorFromText(response.status, text);
}

function sessionEnded(path: string) {
  if (path === LOGIN_PATH) return;
  if (unauthorized) unauthorized();
  else if (location.pathname !== '/login') location.assign('/login');
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
    if (response.status === 401) sessionEnded(path);
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

/**
 * Sends a file as the raw request body (no multipart overhead on slow links), reporting upload progress:
 * fetch() cannot report it, XMLHttpRequest can. Errors are ApiErrors, as with api().
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  headers: Record<string, string>,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    const csrf = readCookie('csrf_token');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.status === 204 ? undefined : JSON.parse(xhr.responseText)) as T);
        } catch {
          reject(new ApiError(xhr.status, 'http', ''));
        }
        return;
      }
      if (xhr.status === 401) sessionEnded(path);
      reject(errorFromText(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', ''));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
