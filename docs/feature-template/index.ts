import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { example } from './migrations/0090-example.ts';
import { examplePermissions } from './permissions.ts';
import { exampleRoutes } from './routes.ts';

/** The example feature: what the shell mounts (and below it, what other features may call). */
export const exampleFeature = {
  name: 'example',
  permissions: examplePermissions,
  migrations: { '0090-example': example },
  routes: exampleRoutes,
} satisfies FeatureManifest;
