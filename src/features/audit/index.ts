import type { FeatureManifest } from '../../server/feature-manifest.ts';
import { auditCli } from './cli.ts';
import { auditChains } from './migrations/0007-audit-chains.ts';
import { auditPermissions } from './permissions.ts';
import { auditRoutes } from './routes.ts';

export const auditFeature = {
  name: 'audit',
  permissions: auditPermissions,
  migrations: { '0007-audit-chains': auditChains },
  cli: auditCli,
  routes: auditRoutes,
} satisfies FeatureManifest;

export type { Actor, AuditAction, AuditEvent } from './rules.ts';
export { appendAudit, chainPosition, recordAudit, writeAudited } from './store.ts';
