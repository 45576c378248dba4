import { DEMO_PASSWORD } from '../../src/demo/seed.ts';

/** Logs a demo user in over HTTP; answers the session's Cookie header. */
export async function demoCookie(base: string, username: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`Login as ${username}: HTTP ${login.status}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
