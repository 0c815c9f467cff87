// Who the signed-in user is: identity, organisations, session.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { MembershipRole, OrganisationKind } from '../../../shared/identity';
import type { MeResponse } from '../../../shared/schemas/account';
import { memberships, organisations } from '../../db/schema';
import { requireActor } from '../../platform/access';

export async function describeMe(request: FastifyRequest): Promise<MeResponse> {
  const { db, config } = request.server;
  const actor = requireActor(request);
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
    // The session lookup already read the user: no second query on this hot path.
    user: {
      id: actor.user.id,
      loginId: actor.user.loginId,
      displayName: actor.user.displayName,
      kana: actor.user.kana,
      profession: actor.user.profession,
      systemRoles: actor.user.systemRoles,
      totpEnabled: actor.user.totpEnabled,
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
