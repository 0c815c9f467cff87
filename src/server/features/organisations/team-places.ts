// The care-team places held for an organisation (ケアチームでの担当), for its admins: which teams their
// staff are in, and handing the place of someone who has left over to a colleague. Admins see the team's
// name and the role, not the patient's record or the timeline (patient-access.ts keeps those to
// members). A hand-over ends the old place and opens one for the successor with the same role (and
// the ownership, if the old place had it), in one transaction, audited with the patient as target.
import { and, asc, eq, exists, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { TeamPlace } from '../../../shared/schemas/organisations';
import { HELD_STATUSES, INVITATION_DAYS } from '../../../shared/teams';
import type { DbOrTx } from '../../db/client';
import { careTeamMembers, careTeams, memberships, patients, users } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { auditPatientAccess } from '../../platform/patient-access';
import { tellTeam } from '../teams/live';
import { membershipOf } from './members';

async function stillInOrganisation(db: DbOrTx, userId: string, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(membershipOf(orgId, userId));
  return row !== undefined;
}

export async function teamPlacesOf(request: FastifyRequest, orgId: string): Promise<{ items: TeamPlace[] }> {
  const db = request.server.db;
  const stillMember = exists(
    db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(membershipOf(orgId, careTeamMembers.userId)),
  ).mapWith(Boolean);
  const rows = await db
    .select({
      member: careTeamMembers,
      teamName: careTeams.name,
      ownerId: careTeams.ownerId,
      displayName: users.displayName,
      stillMember,
    })
    .from(careTeamMembers)
    .innerJoin(careTeams, eq(careTeams.id, careTeamMembers.teamId))
    .innerJoin(users, eq(users.id, careTeamMembers.userId))
    .where(
      and(
        eq(careTeamMembers.organisationId, orgId),
        inArray(careTeamMembers.status, HELD_STATUSES),
        eq(careTeams.status, 'open'),
      ),
    )
    .orderBy(asc(users.kana), asc(careTeams.name));
  await appendAudit(db, {
    ...requestAuditFields(request),
    organisationId: orgId,
    action: 'organisation.team_places',
    targetType: 'organisation',
    targetId: orgId,
    details: { places: rows.length },
  });
  return {
    items: rows.map((row) => ({
      memberId: row.member.id,
      teamId: row.member.teamId,
      teamName: row.teamName,
      teamRole: row.member.teamRole,
      status: row.member.status as TeamPlace['status'],
      isOwner: row.ownerId === row.member.userId,
      user: { id: row.member.userId, displayName: row.displayName },
      stillMember: row.stillMember,
      since: (row.member.joinedAt ?? row.member.invitedAt).toISOString(),
    })),
  };
}

export async function handOverPlace(
  request: FastifyRequest,
  orgId: string,
  memberId: string,
  successorId: string,
): Promise<{ items: TeamPlace[] }> {
  const actor = requireActor(request);
  const moved = await request.server.db.transaction(async (tx) => {
    const [place] = await tx
      .select({ member: careTeamMembers, team: careTeams, patientOrganisationId: patients.organisationId })
      .from(careTeamMembers)
      .innerJoin(careTeams, eq(careTeams.id, careTeamMembers.teamId))
      .innerJoin(patients, eq(patients.id, careTeams.patientId))
      .where(
        and(
          eq(careTeamMembers.id, memberId),
          eq(careTeamMembers.organisationId, orgId),
          inArray(careTeamMembers.status, HELD_STATUSES),
        ),
      )
      .for('update');
    if (!place)
      throw notFound(
        'この担当は見つからないか、すでに終わっています。一覧を読み込み直してください。',
        'place_not_found',
      );
    if (place.team.status !== 'open')
      throw conflict('team_closed', 'このチームは終了しています。引き継ぎは要りません。');
    // Only the place of someone who has left: a colleague still here hands over themselves (the
    // owner invites the successor), so an admin cannot move themselves into a team's content.
    if (await stillInOrganisation(tx, place.member.userId, orgId))
      throw conflict(
        'holder_still_member',
        'この方はまだ組織に所属しています。担当の交代は、チームのオーナーに後任を招待してもらってください。',
      );
    if (!(await stillInOrganisation(tx, successorId, orgId)))
      throw badRequest('successor_not_member', '引き継ぐ相手は、この組織のメンバーから選んでください。');
    const [already] = await tx
      .select({ id: careTeamMembers.id })
      .from(careTeamMembers)
      .where(
        and(
          eq(careTeamMembers.teamId, place.team.id),
          eq(careTeamMembers.userId, successorId),
          inArray(careTeamMembers.status, HELD_STATUSES),
        ),
      );
    if (already)
      throw conflict(
        'already_in_team',
        'この方はすでにこのチームに参加しています（または招待されています）。',
      );
    const now = new Date();
    await tx
      .update(careTeamMembers)
      .set({ status: 'removed', endedAt: now, endedBy: actor.user.id })
      .where(eq(careTeamMembers.id, memberId));
    await tx.insert(careTeamMembers).values({
      teamId: place.team.id,
      userId: successorId,
      organisationId: orgId,
      teamRole: place.member.teamRole,
      status: place.member.status,
      invitedBy: actor.user.id,
      invitationExpiresAt:
        place.member.status === 'invited' ? new Date(now.getTime() + INVITATION_DAYS * 86_400_000) : null,
      joinedAt: place.member.status === 'active' ? now : null,
    });
    if (place.team.ownerId === place.member.userId)
      await tx.update(careTeams).set({ ownerId: successorId }).where(eq(careTeams.id, place.team.id));
    await auditPatientAccess(
      tx,
      request,
      'team.hand_over',
      { id: place.team.patientId, organisationId: place.patientOrganisationId },
      { teamId: place.team.id, from: place.member.userId, to: successorId, organisationId: orgId },
    );
    return { teamId: place.team.id, from: place.member.userId };
  });
  await tellTeam(request, moved.teamId, { type: 'team', teamId: moved.teamId }, [moved.from, successorId]);
  return teamPlacesOf(request, orgId);
}
