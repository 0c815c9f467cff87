// Family members' sessions (家族): no account, no password. The owner's one-time code opens a session
// for one family member of one team, kept in its own cookie and table, apart from professionals'
// sessions: a family cookie never reaches a professional route, nor the reverse.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/client';
import { familySessions, teamFamilyMembers } from '../db/schema';
import { randomToken, sha256Hex } from './crypto';

export const FAMILY_COOKIE = 'tsunagu_family';
const FAMILY_SESSION_DAYS = 30;

export type FamilyActor = { sessionId: string; familyMemberId: string; teamId: string; name: string };

export async function startFamilySession(
  db: DbOrTx,
  request: FastifyRequest,
  reply: FastifyReply,
  familyMemberId: string,
): Promise<void> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + FAMILY_SESSION_DAYS * 86_400_000);
  await db.insert(familySessions).values({ id: sha256Hex(token), familyMemberId, expiresAt });
  reply.setCookie(FAMILY_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

/** The family member behind the request's family cookie, while both the session and the place hold. */
export async function loadFamilyActor(request: FastifyRequest): Promise<FamilyActor | null> {
  const token = request.cookies[FAMILY_COOKIE];
  if (!token || token.length > 100) return null;
  const [row] = await request.server.db
    .select({ sessionId: familySessions.id, member: teamFamilyMembers })
    .from(familySessions)
    .innerJoin(teamFamilyMembers, eq(teamFamilyMembers.id, familySessions.familyMemberId))
    .where(
      and(
        eq(familySessions.id, sha256Hex(token)),
        isNull(familySessions.revokedAt),
        gt(familySessions.expiresAt, new Date()),
        eq(teamFamilyMembers.status, 'active'),
      ),
    );
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    familyMemberId: row.member.id,
    teamId: row.member.teamId,
    name: row.member.name,
  };
}

export async function endFamilySession(db: DbOrTx, reply: FastifyReply, sessionId: string): Promise<void> {
  await db.update(familySessions).set({ revokedAt: new Date() }).where(eq(familySessions.id, sessionId));
  reply.clearCookie(FAMILY_COOKIE, { path: '/' });
}

/** Ends every session of a family member (their place ended). */
export async function endFamilySessionsOf(db: DbOrTx, familyMemberId: string): Promise<void> {
  await db
    .update(familySessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(familySessions.familyMemberId, familyMemberId), isNull(familySessions.revokedAt)));
}
