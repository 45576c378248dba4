import type { Role } from '../auth/index.ts';

/** Who may open the situation room and its exports, within their jurisdiction. */
export const situationRoomPermissions = {
  /** The morning screen and its CSV, DHIS2 and FHIR exports: aggregates only, every role of its own unit. */
  'situationRoom.read': ['admin', 'leader', 'officer', 'healthWorker', 'communityTeamMember'],
} as const satisfies Record<string, readonly Role[]>;
