import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../core/errors.ts';
import type { Scope } from '../features/auth/index.ts';

/** The caller's scope, for store calls. The access hook has already refused anonymous callers. */
export function scopeOf(request: FastifyRequest): Scope {
  const user = request.user;
  if (!user) throw unauthorized();
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    unitCode: user.unitCode,
    ip: request.ip,
    displayName: user.displayName,
  };
}
