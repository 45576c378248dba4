/** A cookie's value as the browser holds it (the CSRF token, the language). */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined; // outside a browser (unit tests of the texts)
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
