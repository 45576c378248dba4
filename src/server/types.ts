import type { FileStore } from '../core/file-store.ts';
import type { JobRunner } from '../core/jobs.ts';
import type { Db } from '../db/connection.ts';
import type { SessionUser } from '../features/auth/index.ts';
import type { Permission } from './features.ts';

/** Every API route declares who may call it; a route without a declaration is refused at start-up. */
export type Access = { public: true } | { authenticated: true } | { permission: Permission };

export type Lang = 'vi' | 'en';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    lang: Lang;
    sessionToken: string | null;
    user: SessionUser | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    db: Db;
    /** Background jobs: features register them, the server starts them when ready and stops them on close. */
    jobs: JobRunner;
    /** Uploaded files waiting to be imported (persons, doses). */
    files: FileStore;
    /** Method and URL of every route the server registered, for the authorization matrix test. */
    registeredRoutes: { method: string; url: string; access: Access | undefined }[];
  }
}

export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
