// Server-side sessions: a random token in an httpOnly, SameSite=Strict cookie; the database keeps only
// its SHA-256. Idle timeout and absolute lifetime are both enforced here, on every request.
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Profession, SystemRole } from '../../shared/identity';
import type { SessionStage } from '../../shared/schemas/auth';
import type { Config } from '../config';
import { type Database, type DbOrTx, preparedOnce } from '../db/client';
import { sessions, users } from '../db/schema';
import { randomToken, sha256Hex } from './crypto';

export const SESSION_COOKIE = 'tsunagu_session';
// Writing last_seen_at on every request would make every read a write; a minute of slack is harmless
// against a 30-minute idle timeout.
const TOUCH_INTERVAL_MS = 60_000;

export type Actor = {
  sessionId: string;
  stage: SessionStage;
  expiresAt: Date;
  user: {
    id: string;
    loginId: string;
    displayName: string;
    kana: string;
    profession: Profession;
    systemRoles: SystemRole[];
    totpEnabled: boolean;
    isDemo: boolean;
  };
};

export async function createSession(
  db: DbOrTx,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  stage: SessionStage,
): Promise<void> {
  const token = randomToken();
  const now = Date.now();
  const expiresAt = new Date(now + config.sessionAbsoluteSeconds * 1000);
  await db.insert(sessions).values({
    id: sha256Hex(token),
    userId,
    stage,
    expiresAt,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The session and its user by the token's hash: every request asks it, so it is prepared once. */
const sessionQuery = preparedOnce((db: Database) =>
  db
    .select({
      stage: sessions.stage,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      revokedAt: sessions.revokedAt,
      userId: users.id,
      loginId: users.loginId,
      displayName: users.displayName,
      kana: users.kana,
      profession: users.profession,
      systemRoles: users.systemRoles,
      totpEnabled: users.totpEnabled,
      isDemo: users.isDemo,
      disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('tsunagu_session_actor'),
);

/** The actor behind the request's cookie, or null when there is none or it has ended. */
export async function loadActor(
  db: Database,
  config: Config,
  token: string | undefined,
): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const id = sha256Hex(token);
  const [row] = await sessionQuery(db).execute({ id });
  if (!row || row.revokedAt || row.disabled) return null;
  const now = Date.now();
  const idleDeadline = row.lastSeenAt.getTime() + config.sessionIdleSeconds * 1000;
  if (row.expiresAt.getTime() <= now || idleDeadline <= now) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    sessionId: id,
    stage: row.stage as SessionStage,
    expiresAt: row.expiresAt,
    user: {
      id: row.userId,
      loginId: row.loginId,
      displayName: row.displayName,
      kana: row.kana,
      profession: row.profession as Profession,
      systemRoles: row.systemRoles as SystemRole[],
      totpEnabled: row.totpEnabled,
      isDemo: row.isDemo,
    },
  };
}

export async function setSessionStage(db: DbOrTx, sessionId: string, stage: SessionStage): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `keepSessionId`. */
export async function revokeUserSessions(db: DbOrTx, userId: string, keepSessionId?: string): Promise<void> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (keepSessionId) conditions.push(ne(sessions.id, keepSessionId));
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(...conditions));
}

/** Whether a session still holds, without counting this as activity (long-lived streams ask it). */
export async function sessionHolds(db: DbOrTx, config: Config, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  const now = Date.now();
  return (
    row !== undefined &&
    row.revokedAt === null &&
    row.expiresAt.getTime() > now &&
    row.lastSeenAt.getTime() + config.sessionIdleSeconds * 1000 > now
  );
}
