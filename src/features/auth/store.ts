import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError, badRequest, conflict, notFound, unauthorized } from '../../core/errors.ts';
import { cachePerOwner } from '../../core/ttl-cache.ts';
import type { Db } from '../../db/connection.ts';
import { unitCodesWithin, unitInScope } from '../admin-units/index.ts';
import { appendAudit, recordAudit } from '../audit/index.ts';
import { passwordProblem } from './rules/password-strength.ts';
import { loginThrottled, type Role, type Scope, sessionExpiry } from './rules.ts';
import {
  recordLoginFailure,
  recordLoginSuccess,
  resetLoginFailures,
  throttleCounters,
} from './throttle-store.ts';

/** argon2id (the library's default algorithm) with its default OWASP-level cost. */
export const hashPassword = (password: string) => hash(password);

// Verified against when the username is unknown, so that timing does not reveal which usernames exist.
const decoyHash = hashPassword('decoy-password-1');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const userNotFound = () => notFound({ vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  unitName: string;
  unitLevel: number;
  organizationId: number | null;
}

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.unit_code',
  'users.organization_id',
  'users.disabled',
  'admin_units.name_with_type as unit_name',
  'admin_units.level as unit_level',
] as const;

function toSessionUser(row: {
  id: number;
  username: string;
  display_name: string;
  role: string;
  unit_code: string;
  unit_name: string;
  unit_level: number;
  organization_id: number | null;
}): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    unitLevel: row.unit_level,
    organizationId: row.organization_id,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitCode: string;
  organizationId?: number | null;
  isDemo?: boolean;
}

/** Refuses a weak password, naming the request's field; the account's own names count as guessable. */
function checkPassword(password: string, field: string, personal: string[]) {
  const problem = passwordProblem(password, personal);
  if (problem) throw badRequest(problem, [{ field, message: problem }]);
}

/**
 * Demo accounts share a published password, so they exist only in the demo database (seedDemo marks it first)
 * and are the only ones spared the strength check.
 */
async function checkNewAccountPassword(db: Db, input: NewUser) {
  if (!input.isDemo) return checkPassword(input.password, 'password', [input.username, input.displayName]);
  const demo = await db.db.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst();
  if (demo?.value !== '1') throw new Error('Demo accounts are only created in the demo database.');
}

/**
 * An account's organization must exist and lie within the caller's jurisdiction (found by the hardening review:
 * one outside the province was accepted, and an unknown id gave a 500).
 */
async function checkOrganization(db: Db, scope: Scope, organizationId: number | null | undefined) {
  if (organizationId == null) return;
  const organization = await db.db
    .selectFrom('organizations')
    .select('unit_code')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  const inScope =
    organization &&
    (await unitInScope(db, scope, organization.unit_code).then(
      () => true,
      () => false,
    ));
  if (!inScope) {
    const msg = {
      vi: 'Cơ quan, đơn vị không tồn tại hoặc ngoài phạm vi quản lý.',
      en: 'Unknown organization, or one outside your jurisdiction.',
    };
    throw badRequest(msg, [{ field: 'organizationId', message: msg }]);
  }
}

/** Creates an account. With a scope, the new account must lie within the caller's jurisdiction. */
export async function createUser(db: Db, scope: Scope, input: NewUser) {
  await checkNewAccountPassword(db, input);
  const unit = await db.db
    .selectFrom('admin_units')
    .select(['code'])
    .where('code', '=', input.unitCode)
    .executeTakeFirst();
  if (unit) await unitInScope(db, scope, unit.code);
  else {
    const msg = { vi: 'Mã đơn vị hành chính không tồn tại.', en: 'Unknown administrative unit code.' };
    throw badRequest(msg, [{ field: 'unitCode', message: msg }]);
  }
  await checkOrganization(db, scope, input.organizationId);
  const taken = await db.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) {
    const msg = { vi: 'Tên đăng nhập đã được dùng.', en: 'This username is taken.' };
    throw conflict(msg, [{ field: 'username', message: msg }]);
  }
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(input.password);
  return db.db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        unit_code: input.unitCode,
        organization_id: input.organizationId ?? null,
        is_demo: input.isDemo ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'username'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db, scope, [
      {
        action: 'create',
        entity: 'user',
        entityId: user.id,
        unitCode: input.unitCode,
        details: { username: input.username, role: input.role },
      },
    ]);
    return user;
  });
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
  organizationId?: number | null;
}

async function userInScope(db: Db, scope: Scope, id: number) {
  const user = await db.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw userNotFound();
  await unitInScope(db, scope, user.unit_code).catch(() => Promise.reject(userNotFound()));
  return user;
}

/**
 * Changes an account; disabling it or changing its password ends its sessions. A new password also clears the
 * account's login failures (guesses at the old one are moot). `passwordField` names the request's field.
 */
export async function updateUser(
  db: Db,
  scope: Scope,
  id: number,
  changes: UserChanges,
  passwordField = 'password',
) {
  const before = await userInScope(db, scope, id);
  if (changes.password !== undefined)
    checkPassword(changes.password, passwordField, [
      before.username,
      changes.displayName ?? before.display_name,
    ]);
  await checkOrganization(db, scope, changes.organizationId);
  const passwordHash = changes.password !== undefined ? await hashPassword(changes.password) : undefined;
  await db.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
        ...(changes.organizationId !== undefined ? { organization_id: changes.organizationId } : {}),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    if (changes.disabled || passwordHash)
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    if (passwordHash) await resetLoginFailures(trx, before.username);
    const { password: _secret, ...visible } = changes;
    await appendAudit(trx, db, scope, [
      {
        action: 'update',
        entity: 'user',
        entityId: id,
        unitCode: before.unit_code,
        details: { ...visible, ...(passwordHash ? { password: 'changed' } : {}) },
      },
    ]);
  });
  // Role, unit or name may have changed, or the account was disabled: cached sessions are re-read.
  forgetSessionsOf(db, id);
}

export async function userIdByUsername(db: Db, username: string): Promise<number> {
  const user = await db.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) throw userNotFound();
  return user.id;
}

/** Accounts within the caller's jurisdiction; the list shows names, so the read is audited. */
export async function listUsers(db: Db, scope: Scope, filter: { unitCode?: string; q?: string }) {
  const codes = await unitCodesWithin(
    db,
    filter.unitCode ? (await unitInScope(db, scope, filter.unitCode)).code : scope.unitCode,
  );
  let q = db.db
    .selectFrom('users')
    .innerJoin('admin_units', 'admin_units.code', 'users.unit_code')
    .select(userColumns);
  if (codes) q = q.where('users.unit_code', 'in', codes);
  if (filter.q) q = q.where('users.username', 'like', `%${filter.q}%`);
  const rows = await q.orderBy('users.unit_code').orderBy('users.username').limit(1000).execute();
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'user_list',
      unitCode: filter.unitCode ?? scope.unitCode,
      details: { count: rows.length, ...filter },
    },
  ]);
  return rows.map((r) => ({ ...toSessionUser(r), disabled: r.disabled === 1 }));
}

/**
 * The one answer to every refused login: wrong password, unknown or disabled account, or throttled. A different
 * status or text would tell a guesser which usernames exist, or that guessing is being slowed.
 */
const loginRefused = () =>
  new AppError(401, 'invalid_credentials', {
    vi: 'Sai tên đăng nhập hoặc mật khẩu, hoặc đã thử quá nhiều lần: vui lòng kiểm tra và thử lại sau ít phút.',
    en: 'Wrong username or password, or too many attempts: check them and try again in a few minutes.',
  });

export interface LoginResult {
  user: SessionUser;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Checks a password, throttled by account, by address and by the pair (rules.ts#loginThrottled); opens a
 * server-side session. The password is verified in every case, throttled or unknown too, so that every
 * refusal takes as long as a wrong password.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  ip: string,
  now = new Date(),
): Promise<LoginResult> {
  const throttled = loginThrottled(await throttleCounters(db, username, ip), now);
  const row = await db.db
    .selectFrom('users')
    .innerJoin('admin_units', 'admin_units.code', 'users.unit_code')
    .select([...userColumns, 'users.password_hash'])
    .where('users.username', '=', username)
    .executeTakeFirst();
  const ok = await verify(row?.password_hash ?? (await decoyHash), password);
  const actor = { userId: row?.id ?? null, username, ip };
  if (throttled || !row || !ok || row.disabled === 1) {
    await db.db.transaction().execute(async (trx) => {
      // A refused attempt is not counted: the waits grow with guesses actually checked.
      if (!throttled) await recordLoginFailure(trx, username, ip, now);
      await appendAudit(trx, db, actor, [
        { action: 'login_failed', entity: 'session', details: throttled ? { throttled } : {} },
      ]);
    });
    throw loginRefused();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = sessionExpiry(now, now);
  await db.db.transaction().execute(async (trx) => {
    await recordLoginSuccess(trx, username, ip, now);
    await trx
      .insertInto('sessions')
      .values({
        token_hash: sha256(token),
        user_id: row.id,
        csrf_token: csrfToken,
        ip,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
    await appendAudit(trx, db, actor, [
      { action: 'login', entity: 'session', unitCode: row.unit_code, details: {} },
    ]);
  });
  return { user: toSessionUser(row), token, csrfToken, expiresAt };
}

interface CachedSession {
  user: SessionUser;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/**
 * Live sessions, kept 10 s in memory: every API request checks its session, so the lookup must be cheap.
 * Logout, disabling an account and changing its role or password drop its entries here at once.
 */
const sessionCache = cachePerOwner<Db, string, CachedSession>(10_000);

function forgetSessionsOf(db: Db, userId: number) {
  sessionCache(db).deleteWhere((s) => s.user.id === userId);
}

/** The session behind a cookie, or null when unknown, expired or the account is disabled. */
export async function sessionFromToken(db: Db, token: string, now = new Date()) {
  const tokenHash = sha256(token);
  const cache = sessionCache(db);
  const cached = cache.get(tokenHash, now.getTime()) ?? (await loadSession(db, tokenHash, now));
  if (!cached) return null;
  if (cached.expiresAt <= now.toISOString()) {
    cache.delete(tokenHash);
    await db.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  // Slide the idle expiry at most once a minute: a read-heavy client should not write on every request.
  if (now.getTime() - Date.parse(cached.lastSeenAt) > 60_000) {
    cached.lastSeenAt = now.toISOString();
    cached.expiresAt = sessionExpiry(new Date(cached.createdAt), now).toISOString();
    await db.db
      .updateTable('sessions')
      .set({ last_seen_at: cached.lastSeenAt, expires_at: cached.expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { user: cached.user, csrfToken: cached.csrfToken };
}

async function loadSession(db: Db, tokenHash: string, now: Date): Promise<CachedSession | null> {
  const row = await db.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('admin_units', 'admin_units.code', 'users.unit_code')
    .select([
      ...userColumns,
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.disabled === 1) return null;
  const session = {
    user: toSessionUser(row),
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
  sessionCache(db).set(tokenHash, session, now.getTime());
  return session;
}

export async function logout(db: Db, token: string, scope: Scope) {
  await db.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
    sessionCache(db).delete(sha256(token));
    await appendAudit(trx, db, scope, [{ action: 'logout', entity: 'session', details: {} }]);
  });
}

/** Lets a user change their own password after proving the current one. */
export async function changeOwnPassword(db: Db, scope: Scope, current: string, next: string) {
  if (scope.userId === null) throw unauthorized();
  const row = await db.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', scope.userId)
    .executeTakeFirstOrThrow();
  if (!(await verify(row.password_hash, current))) {
    const msg = { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' };
    throw badRequest(msg, [{ field: 'currentPassword', message: msg }]);
  }
  await updateUser(db, scope, scope.userId, { password: next }, 'newPassword');
}
