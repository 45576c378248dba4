import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { directives } from './migrations/0003-directives.ts';
import { documentDuplicates } from './migrations/0007-document-duplicates.ts';
import { directivePermissions } from './permissions.ts';
import { directiveRoutes } from './routes.ts';

/** Official letters, their tasks down to every commune and back, compliance, the steering committee. */
export const directivesFeature = {
  name: 'directives',
  permissions: directivePermissions,
  migrations: { '0003-directives': directives, '0007-document-duplicates': documentDuplicates },
  routes: directiveRoutes,
} satisfies FeatureManifest;
