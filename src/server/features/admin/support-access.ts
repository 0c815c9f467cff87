// A system admin's audited look at one care team (監査付き閲覧): for support, with a reason, read-only
// and for SUPPORT_ACCESS_MINUTES. The grant is audited with its reason, every read under it too
// (patient-access.ts), and the team's members see it listed on the team page while it lasts.
import { desc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { SUPPORT_ACCESS_MINUTES, type SupportAccessGrant } from '../../../shared/schemas/admin';
import { careTeams, patients, supportAccessGrants, users } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { conflict, notFound } from '../../platform/errors';
import { auditPatientAccess, careTeamConsentInForce } from '../../platform/patient-access';
import { tellTeam } from '../teams/live';

const LIST_LIMIT = 100;

function grantsQuery(request: FastifyRequest) {
  return request.server.db
    .select({
      grant: supportAccessGrants,
      teamName: careTeams.name,
      grantedTo: users.displayName,
      active: sql<boolean>`${supportAccessGrants.expiresAt} > now()`,
    })
    .from(supportAccessGrants)
    .innerJoin(careTeams, eq(careTeams.id, supportAccessGrants.teamId))
    .innerJoin(users, eq(users.id, supportAccessGrants.userId));
}

type GrantRow = Awaited<ReturnType<ReturnType<typeof grantsQuery>['execute']>>[number];

const toView = (row: GrantRow): SupportAccessGrant => ({
  id: row.grant.id,
  teamId: row.grant.teamId,
  teamName: row.teamName,
  grantedTo: row.grantedTo,
  reason: row.grant.reason,
  createdAt: row.grant.createdAt.toISOString(),
  expiresAt: row.grant.expiresAt.toISOString(),
  active: row.active,
  mine: false,
});

export async function grantSupportAccess(
  request: FastifyRequest,
  body: { teamId: string; reason: string },
): Promise<SupportAccessGrant> {
  const actor = requireActor(request);
  const grantId = await request.server.db.transaction(async (tx) => {
    const [team] = await tx
      .select({
        id: careTeams.id,
        patientId: patients.id,
        organisationId: patients.organisationId,
        consent: sql<boolean>`${careTeamConsentInForce(patients.id)}`,
      })
      .from(careTeams)
      .innerJoin(patients, eq(patients.id, careTeams.patientId))
      .where(eq(careTeams.id, body.teamId));
    if (!team)
      throw notFound('このIDのチームはありません。問い合わせのURLを確かめてください。', 'team_not_found');
    if (!team.consent)
      throw conflict(
        'consent_required',
        'この利用者はケアチームでの情報共有に同意していない（または撤回した）ため、記録した組織の外からは閲覧できません。',
      );
    const [grant] = await tx
      .insert(supportAccessGrants)
      .values({
        teamId: team.id,
        userId: actor.user.id,
        reason: body.reason,
        expiresAt: sql`now() + make_interval(mins => ${SUPPORT_ACCESS_MINUTES})`,
      })
      .returning({ id: supportAccessGrants.id });
    if (!grant) throw new Error('insert returned no row');
    await auditPatientAccess(
      tx,
      request,
      'team.support_access',
      { id: team.patientId, organisationId: team.organisationId },
      { teamId: team.id, supportGrant: grant.id, minutes: SUPPORT_ACCESS_MINUTES },
      body.reason,
    );
    return grant.id;
  });
  await tellTeam(request, body.teamId, { type: 'team', teamId: body.teamId });
  const [row] = await grantsQuery(request).where(eq(supportAccessGrants.id, grantId));
  return { ...toView(row as GrantRow), mine: true };
}

/** The latest grants of every system admin, for their review. */
export async function listSupportAccess(request: FastifyRequest): Promise<{ items: SupportAccessGrant[] }> {
  const rows = await grantsQuery(request).orderBy(desc(supportAccessGrants.createdAt)).limit(LIST_LIMIT);
  // The list names teams (and so patients): reading it is audited too.
  await appendAudit(request.server.db, {
    ...requestAuditFields(request),
    action: 'admin.support_access_list',
    details: { shown: rows.length },
  });
  const me = requireActor(request).user.id;
  return { items: rows.map((row) => ({ ...toView(row), mine: row.grant.userId === me })) };
}
