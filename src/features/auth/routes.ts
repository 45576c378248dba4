import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, noContent, responses } from '../../server/schemas.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../server/types.ts';
import { ROLES, SESSION_ABSOLUTE_MS } from './rules.ts';
import { accountsResponse, createdAccountResponse, userResponse } from './schemas.ts';
import { changeOwnPassword, createUser, listUsers, login, logout, updateUser } from './store.ts';

const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'a-z, 0-9, dot, dash, underscore');

export function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = process.env.SAFEADAPT_SECURE_COOKIES === '1';

  r.post(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'Log in: sets the HttpOnly session cookie and the readable csrf_token cookie',
        operationId: 'login',
        response: responses({ 200: userResponse, ...errorResponses(401) }),
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const result = await login(
        app.db,
        request.body.username.toLowerCase(),
        request.body.password,
        request.ip,
      );
      const maxAge = SESSION_ABSOLUTE_MS / 1000;
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure,
        maxAge,
      });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, {
        path: '/',
        httpOnly: false,
        sameSite: 'strict',
        secure,
        maxAge,
      });
      return { user: result.user };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'End the session',
        operationId: 'logout',
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await logout(request.ctx.db, request.sessionToken!, request.ctx.scope);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user',
        operationId: 'getCurrentUser',
        response: responses({ 200: userResponse }),
      },
    },
    async (request) => ({
      user: request.user,
    }),
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: "Change one's own password (ends every session of the account)",
        operationId: 'changeOwnPassword',
        response: responses({ 204: noContent }),
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        request.ctx.db,
        request.ctx.scope,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.code(204).send();
    },
  );

  const manage = { access: { permission: 'users.manage' } } as const;

  r.get(
    '/api/users',
    {
      config: { ...manage, personal: true },
      schema: {
        tags: ['users'],
        summary: "Accounts within the caller's jurisdiction (audited read)",
        operationId: 'listUsers',
        response: responses({ 200: accountsResponse }),
        querystring: z.object({ unit: z.string().max(5).optional(), q: z.string().max(64).optional() }),
      },
    },
    async (request) => ({
      users: await listUsers(request.ctx.db, request.ctx.scope, {
        unitCode: request.query.unit,
        q: request.query.q,
      }),
    }),
  );

  r.post(
    '/api/users',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: "Create an account within the caller's jurisdiction",
        operationId: 'createUser',
        response: responses({ 201: createdAccountResponse, ...errorResponses(409) }),
        body: z.object({
          username,
          displayName: z.string().trim().min(1).max(120),
          password: z.string().min(1).max(200),
          role: z.enum(ROLES),
          unitCode: z.string().max(5),
          organizationId: z.number().int().positive().nullable().optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(request.ctx.db, request.ctx.scope, request.body)),
  );

  r.patch(
    '/api/users/:id',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: 'Change, disable or reset the password of an account',
        operationId: 'updateUser',
        response: responses({ 204: noContent, ...errorResponses(404) }),
        params: idParams,
        body: z.object({
          displayName: z.string().trim().min(1).max(120).optional(),
          role: z.enum(ROLES).optional(),
          disabled: z.boolean().optional(),
          password: z.string().min(1).max(200).optional(),
          organizationId: z.number().int().positive().nullable().optional(),
        }),
      },
    },
    async (request, reply) => {
      await updateUser(request.ctx.db, request.ctx.scope, request.params.id, request.body);
      return reply.code(204).send();
    },
  );
}
