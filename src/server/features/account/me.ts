// Who the signed-in user is: identity, organisations, session.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { MembershipRole, OrganisationKind, Profession, SystemRole } from '../../../shared/identity';
import type { MeResponse } from '../../../shared/schemas/account';
import { memberships, organisations, users } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { unauthorized } from '../../platform/errors';

export async function describeMe(request: FastifyRequest): Promise<MeResponse> {
  const { db, config } = request.server;
  const actor = requireActor(request);
  const [user] = await db
    .select({
      id: users.id,
      loginId: users.loginId,
      displayName: users.displayName,
      kana: users.kana,
      profession: users.profession,
      systemRoles: users.systemRoles,
      totpEnabled: users.totpEnabled,
    })
    .from(users)
    .where(eq(users.id, actor.user.id));
  if (!user) throw unauthorized();
  const rows = await db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, actor.user.id))
    .orderBy(organisations.kana);
  return {
    user: {
      ...user,
      profession: user.profession as Profession,
      systemRoles: user.systemRoles as SystemRole[],
    },
    memberships: rows.map((row) => ({
      ...row,
      organisationKind: row.organisationKind as OrganisationKind,
      role: row.role as MembershipRole,
    })),
    session: {
      stage: actor.stage,
      expiresAt: actor.expiresAt.toISOString(),
      idleTimeoutSeconds: config.sessionIdleSeconds,
    },
    demoMode: config.demoMode,
  };
}
