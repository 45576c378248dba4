import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { directives } from './migrations/0003-directives.ts';
import { documentDuplicates } from './migrations/0007-document-duplicates.ts';
import { taskSources } from './migrations/0031-task-sources.ts';
import { directivePermissions } from './permissions.ts';
import { directiveRoutes } from './routes.ts';

/** Official letters, their tasks down to every commune and back, compliance, the steering committee. */
export const directivesFeature = {
  name: 'directives',
  permissions: directivePermissions,
  migrations: {
    '0003-directives': directives,
    '0007-document-duplicates': documentDuplicates,
    '0031-task-sources': taskSources,
  },
  routes: directiveRoutes,
} satisfies FeatureManifest;

export { compliance } from './compliance-store.ts';
/** Tasks other capabilities open and withdraw through the same lifecycle as a letter's. */
export {
  openTasks,
  type SourcedTask,
  type TaskSource,
  tasksOfSource,
  withdrawTasks,
} from './sourced-tasks-store.ts';
