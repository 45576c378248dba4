import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { situationFirstPaint } from './first-paint.ts';
import { situationRoomPermissions } from './permissions.ts';
import { situationRoomRoutes } from './routes.ts';

/**
 * The situation room and exchange (issue 18): the province's and district's morning screen from the other
 * capabilities' counters, and the same numbers as CSV, a DHIS2 data value set and FHIR MeasureReports.
 */
export const situationRoomFeature = {
  name: 'situationRoom',
  permissions: situationRoomPermissions,
  routes: situationRoomRoutes,
  firstPaint: [situationFirstPaint],
} satisfies FeatureManifest;
