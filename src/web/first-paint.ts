/**
 * What the server painted into index.html for the address opened (server/first-paint.ts): the logged-in user
 * and the page's data, inlined as JSON. The shell takes the user (no round trip before drawing), the page takes
 * its data (no second request); both read it once, for the address the server painted.
 */
interface FirstPaint {
  /** The address painted, path and query. */
  path: string;
  me: unknown;
  data: unknown;
}

let read: FirstPaint | null | undefined;

export function firstPaint(): FirstPaint | null {
  if (read === undefined) {
    const element = typeof document === 'undefined' ? null : document.getElementById('first-paint');
    try {
      read = element?.textContent ? (JSON.parse(element.textContent) as FirstPaint) : null;
    } catch {
      read = null;
    }
  }
  return read;
}
