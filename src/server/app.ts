import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vietnamToday } from '../core/dates.ts';
import { FileStore } from '../core/file-store.ts';
import { JobRunner } from '../core/jobs.ts';
import type { Db } from '../db/connection.ts';
import { recordAudit } from '../features/audit/index.ts';
import { systemScope } from '../features/auth/index.ts';
import { installAccessControl } from './access.ts';
import { calendarRoutes } from './calendar-routes.ts';
import { errorBody, installErrorHandler } from './error-handler.ts';
import { features } from './features.ts';
import { installFirstPaint } from './first-paint.ts';
import { jobRoutes } from './jobs-routes.ts';
import { installNulGuard } from './nul-guard.ts';
import { installRequestContext, newContext, runInContext } from './request-context.ts';
import {
  contractTransform,
  contractTransformObject,
  installResponseValidation,
  plainSerializerCompiler,
} from './responses.ts';
import { responses } from './schemas.ts';
import { scopeOf } from './scope.ts';
import { trustProxySetting } from './trust-proxy.ts';

/** Uploads not imported within a day are abandoned. */
const UPLOAD_MAX_AGE_HOURS = 24;

const webRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface AppOptions {
  db: Db;
  logger?: boolean;
  /** Where uploaded files wait to be imported (default: a folder under the OS temp dir). */
  uploadsDir?: string;
  /** Extra routes registered with the app's plugins (the benchmark's no-op baseline). */
  extraRoutes?: (app: FastifyInstance) => void;
  /**
   * Check every JSON answer against the route's declared response schema and fail the request (500) if it
   * drifts (the HTTP tests turn this on). Off by default: answers are JSON.stringify'd without a zod pass.
   */
  validateResponses?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] }
      : false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: trustProxySetting(process.env.SAFEADAPT_TRUST_PROXY),
  });
  app.decorate('db', options.db);
  const jobs = new JobRunner(options.db, app.log);
  app.decorate('jobs', jobs);
  // Uploads waiting to be imported; those abandoned for a day are swept at start and then hourly.
  const files = new FileStore(options.uploadsDir ?? path.join(os.tmpdir(), 'safeadapt-uploads'));
  app.decorate('files', files);
  jobs.register({
    name: 'uploads.sweep',
    intervalMs: 3_600_000,
    run: async () => files.sweep(UPLOAD_MAX_AGE_HOURS),
  });
  app.addHook('onReady', async () => {
    files.sweep(UPLOAD_MAX_AGE_HOURS);
    jobs.start();
  });
  app.addHook('onClose', async () => jobs.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(plainSerializerCompiler);
  if (options.validateResponses) installResponseValidation(app);
  installErrorHandler(app);
  installNulGuard(app);
  await app.register(fastifyHelmet, {
    // The app's own scripts only; inline styles are set by React and the charts; no framing (clickjacking).
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie); // before the access hook, which reads the session cookie
  installAccessControl(app);
  installRequestContext(app, { scopeOf, today: vietnamToday, recordAudit });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'SafeAdapt API',
        version: '0.1.0',
        description: 'Thích ứng an toàn: API of the COVID-19 steering committees',
        license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
      servers: [{ url: '/', description: 'The server that serves this document' }],
    },
    transform: contractTransform,
    transformObject: contractTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Liveness',
        operationId: 'getHealth',
        response: responses({ 200: z.object({ status: z.literal('ok') }).describe('The server is up') }),
      },
    },
    async () => ({
      status: 'ok',
    }),
  );
  calendarRoutes(app);
  for (const feature of features()) {
    feature.routes?.(app);
    for (const job of feature.jobs ?? [])
      jobs.register({
        ...job,
        run: () =>
          runInContext(newContext(app.db, systemScope(`job:${job.name}`), vietnamToday), () =>
            job.run(app.db),
          ),
      });
  }
  jobRoutes(app);
  options.extraRoutes?.(app);

  const hasWeb = fs.existsSync(webRoot);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      preCompressed: true, // the .br / .gz written at build (scripts/precompress.ts)
      // Hashed file names change with their content: cache them for a year; anything else is revalidated.
      setHeaders: (reply, file) =>
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  // Pages the server paints before the scripts arrive (the situation room on a slow link).
  if (hasWeb) installFirstPaint(app, webRoot);
  // The web app routes on the client: any other page URL gets index.html; unknown API paths stay 404 JSON.
  app.setNotFoundHandler((request, reply) =>
    hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')
      ? reply.header('cache-control', 'no-cache').sendFile('index.html')
      : reply
          .code(404)
          .send(errorBody(request.lang, 'not_found', { vi: 'Không tìm thấy.', en: 'Not found.' })),
  );
  return app;
}
