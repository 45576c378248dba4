import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { AuditAction, AuditEvent } from '../features/audit/index.ts';
import type { Scope } from '../features/auth/index.ts';
import type { Access } from './types.ts';

/**
 * The one way to the data, built once per request, CLI command or job: the database, the caller's scope (never
 * absent: the CLI and jobs carry an explicit system scope) and Vietnam's calendar day. It also counts the audit
 * events written while it runs, so that a write or a personal-data read that recorded nothing is recorded by
 * the context itself (see `installRequestContext`): a handler cannot forget the audit log.
 */
export interface RequestContext {
  db: Db;
  scope: Scope;
  today(): string;
  audited: { writes: number; reads: number };
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function newContext(db: Db, scope: Scope, today: () => string): RequestContext {
  return { db, scope, today, audited: { writes: 0, reads: 0 } };
}

/** Runs CLI or job work in a context of its own. */
export function runInContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** Called by the audit log for every event it appends: the context's safety net reads these counts. */
export function noteAuditEvents(actions: readonly AuditAction[]) {
  const context = storage.getStore();
  if (!context) return;
  for (const action of actions) {
    if (action === 'read') context.audited.reads += 1;
    else context.audited.writes += 1;
  }
}

/** Audit events a task wrote for this context in a worker thread (off-thread.ts). */
export function noteAuditCounts(context: RequestContext, counts: RequestContext['audited']) {
  context.audited.writes += counts.writes;
  context.audited.reads += counts.reads;
}

const WRITE_ACTIONS: Record<string, AuditAction> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

/** What the context records when a handler recorded nothing itself. */
export function missingAuditEvent(
  method: string,
  url: string,
  access: RouteAccess,
  context: RequestContext,
  request: Pick<FastifyRequest, 'params' | 'query'>,
): AuditEvent | null {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const base = {
    entity: 'route',
    entityId: params.id == null ? null : String(params.id),
    unitCode: context.scope.unitCode,
  };
  const write = WRITE_ACTIONS[method];
  if (write && !access.readOnly && context.audited.writes === 0)
    return { ...base, action: write, details: { route: `${method} ${url}`, params } };
  if (method === 'GET' && access.personal && context.audited.reads === 0)
    return { ...base, action: 'read', details: { route: `${method} ${url}`, params, query: request.query } };
  return null;
}

/** Route flags the context reads besides the access rule. */
export interface RouteAccess {
  /** The route shows personal data: a read is recorded if the handler recorded none. */
  personal?: boolean;
  /** A POST that computes without changing data (e.g. extracting a letter's text). */
  readOnly?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAccess {}
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

/**
 * Wraps every authenticated /api handler: builds the request's context from its session, runs the handler in it,
 * and after a successful answer records the write or personal-data read that the handler did not record.
 */
export function installRequestContext(
  app: FastifyInstance,
  services: {
    scopeOf: (request: FastifyRequest) => Scope;
    today: () => string;
    recordAudit: (db: Db, scope: Scope, events: AuditEvent[]) => Promise<unknown>;
  },
) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { access?: Access } & RouteAccess;
    if (!route.url.startsWith('/api') || !config.access || 'public' in config.access) return;
    const handler = route.handler;
    route.handler = async function contextual(
      this: FastifyInstance,
      request: FastifyRequest,
      reply: FastifyReply,
    ) {
      const context = newContext(app.db, services.scopeOf(request), services.today);
      request.ctx = context;
      const result = await storage.run(context, () => handler.call(this, request, reply));
      if (reply.statusCode < 400) {
        const event = missingAuditEvent(request.method, route.url, config, context, request);
        if (event) await services.recordAudit(app.db, context.scope, [event]);
      }
      return result;
    };
  });
}
