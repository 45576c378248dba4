/** What the web uses of organizations (its pages live with the area page, in admin-units). */

// What other features and the shell use of this one.
export { ORGANIZATION_KINDS, type OrganizationKind } from '../rules.ts';
