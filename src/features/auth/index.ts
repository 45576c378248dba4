import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { authCli } from './cli.ts';
import { loginThrottle } from './migrations/0007-login-throttle.ts';
import { authPermissions } from './permissions.ts';
import { authRoutes } from './routes.ts';
import { pruneLoginThrottle } from './throttle-store.ts';

export const authFeature = {
  name: 'auth',
  permissions: authPermissions,
  migrations: { '0007-login-throttle': loginThrottle },
  cli: authCli,
  routes: authRoutes,
  jobs: [{ name: 'auth.prune-login-throttle', intervalMs: 3600_000, run: (db) => pruneLoginThrottle(db) }],
} satisfies FeatureManifest;

export type { Role, Scope } from './rules.ts';
export { systemScope, type ThrottleLevel } from './rules.ts';
// What other features and the shell use of this one.
export { createUser, type SessionUser, sessionFromToken } from './store.ts';
export { countFormSubmission, formThrottled } from './throttle-store.ts';
