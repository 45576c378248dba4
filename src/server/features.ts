import { type PermissionsOf, permissionChecker } from '../core/permissions.ts';
import { adminUnitsFeature } from '../features/admin-units/index.ts';
import { auditFeature } from '../features/audit/index.ts';
import { authFeature } from '../features/auth/index.ts';
import { capacityFeature } from '../features/capacity/index.ts';
import { casesFeature } from '../features/cases/index.ts';
import { chainsFeature } from '../features/chains/index.ts';
import { checkInsFeature } from '../features/check-ins/index.ts';
import { communityTeamsFeature } from '../features/community-teams/index.ts';
import { directivesFeature } from '../features/directives/index.ts';
import { inspectionsFeature } from '../features/inspections/index.ts';
import { movementFeature } from '../features/movement/index.ts';
import { organizationsFeature } from '../features/organizations/index.ts';
import { personsFeature } from '../features/persons/index.ts';
import { reportsFeature } from '../features/reports/index.ts';
import { riskLevelsFeature } from '../features/risk-levels/index.ts';
import { situationRoomFeature } from '../features/situation-room/index.ts';
import { supportFeature } from '../features/support/index.ts';
import { vaccinationFeature } from '../features/vaccination/index.ts';
import type { FeatureManifest } from './feature-manifest.ts';

/**
 * The server's list of capabilities, in mounting order (a feature after those it builds on). Adding a
 * capability is a folder under src/features plus one line here and one in src/web/features.ts.
 */
function list() {
  return [
    adminUnitsFeature,
    organizationsFeature,
    authFeature,
    auditFeature,
    directivesFeature,
    personsFeature,
    vaccinationFeature,
    casesFeature,
    checkInsFeature,
    capacityFeature,
    riskLevelsFeature,
    inspectionsFeature,
    communityTeamsFeature,
    situationRoomFeature,
    supportFeature,
    movementFeature,
    chainsFeature,
    reportsFeature,
  ] as const;
}

/**
 * The list. A function, not a constant: a feature's CLI reaches the registry again through the shell (a module
 * cycle), and a constant would be read before that feature's manifest exists.
 */
export function features(): readonly FeatureManifest[] {
  return list();
}

/** Every right any feature declares (`persons.read`, …). */
export type Permission = PermissionsOf<ReturnType<typeof list>[number]>;

let checker: ReturnType<typeof permissionChecker<Permission>> | null = null;
/** Whether a role has a right (within its jurisdiction), from the features' merged tables. */
export function can(role: string, permission: Permission): boolean {
  checker ??= permissionChecker<Permission>(features().map((f) => f.permissions));
  return checker.can(role, permission);
}

/** The names of all rights, for the authorization test. */
export function permissionNames(): Permission[] {
  checker ??= permissionChecker<Permission>(features().map((f) => f.permissions));
  return checker.names;
}
