import type { FastifyInstance } from 'fastify';
import { AppError, forbidden, unauthorized } from '../core/errors.ts';
import { sessionFromToken } from '../features/auth/index.ts';
import { can } from './features.ts';
import { addSharedErrorResponses } from './responses.ts';
import { type Access, CSRF_HEADER, SESSION_COOKIE } from './types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default: every /api route must declare its access at registration (checked here, at start-up);
 * each request then needs a live session, the declared permission, and for state-changing methods the CSRF
 * token that the login set (double submit: cookie value echoed in a header and matched to the session).
 */
export function installAccessControl(app: FastifyInstance) {
  app.decorate('registeredRoutes', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: { public: true } };
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access`);
    addSharedErrorResponses(route, access as Access);
    for (const method of [route.method].flat())
      app.registeredRoutes.push({ method, url: route.url, access: access as never });
  });
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const chosen = request.cookies.lang ?? request.headers['accept-language'] ?? '';
    request.lang = chosen.startsWith('en') ? 'en' : 'vi';
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessionFromToken(app.db, token) : null;
    if (!session) throw unauthorized();
    request.sessionToken = token ?? null;
    request.user = session.user;
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken)
      throw new AppError(403, 'csrf', {
        vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
        en: 'Invalid CSRF token: reload the page.',
      });
    if ('permission' in access && !can(session.user.role, access.permission)) throw forbidden();
  });
}
