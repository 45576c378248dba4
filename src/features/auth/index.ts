import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { authCli } from './cli.ts';
import { authPermissions } from './permissions.ts';
import { authRoutes } from './routes.ts';

export const authFeature = {
  name: 'auth',
  permissions: authPermissions,
  cli: authCli,
  routes: authRoutes,
} satisfies FeatureManifest;

export type { Role, Scope } from './rules.ts';
export { systemScope } from './rules.ts';

// What other features and the shell use of this one.
export { createUser, type SessionUser, sessionFromToken } from './store.ts';
