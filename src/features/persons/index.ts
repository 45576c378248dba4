import { vietnamTodayInstant } from '../../core/dates.ts';
import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { seedResidents } from './demo-residents.ts';
import { personsCli } from './import/import-persons-command.ts';
import { persons } from './migrations/0002-persons.ts';
import { personPermissions } from './permissions.ts';
import { personRoutes } from './routes.ts';

/** The population registry: residents, households, imports, duplicate review, exports. */
export const personsFeature = {
  name: 'persons',
  permissions: personPermissions,
  migrations: { '0002-persons': persons },
  cli: personsCli,
  demo: async (db, area) => {
    await seedResidents(db, area.communeCodes, vietnamTodayInstant(), (done) =>
      area.onProgress?.(done, area.communeCodes.length),
    );
  },
  routes: personRoutes,
} satisfies FeatureManifest;
