// Care teams (ケアチーム): created for a patient by a professional who becomes the owner, closed when
// care ends (read-only from then on), handed to another member by the owner. Access to every team and
// its patient goes through platform/patient-access.ts.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ConsentScope } from '../../../shared/patients';
import type { TeamDetail, TeamMember, teamCreateRequest } from '../../../shared/schemas/teams';
import { HELD_STATUSES, type MemberStatus, type TeamRole } from '../../../shared/teams';
import { type DbOrTx, queryRows } from '../../db/client';
import { careTeamMembers, careTeams, organisations, supportAccessGrants, users } from '../../db/schema';
import { membershipRole, requireActor } from '../../platform/access';
import { conflict, forbidden } from '../../platform/errors';
import { consentInForce, openPatient, openTeam, type TeamAccess } from '../../platform/patient-access';
import { familyOf } from '../family/invitations';
import { teamSummaries } from './home';

export const teamClosed = () =>
  conflict('team_closed', 'このチームは終了しています。記録は読めますが、書き込みや招待はできません。');

export const ownerOnly = () =>
  forbidden('この操作はチームの管理者（オーナー）だけができます。', 'owner_only');

/** Refuses changes to a closed team (its history stays readable). */
export function requireOpen(access: TeamAccess): void {
  if (access.team.status !== 'open') throw teamClosed();
}

export function requireOwner(request: FastifyRequest, access: TeamAccess): void {
  if (access.team.ownerId !== requireActor(request).user.id) throw ownerOnly();
}

/** Whether the patient's consent of this scope is in force now. */
export async function hasConsent(db: DbOrTx, scope: ConsentScope, patientId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(
    db,
    sql`SELECT ${consentInForce(scope, sql`${patientId}::uuid`)} AS ok`,
  );
  return rows[0]?.ok === true;
}

/** Sharing beyond the recording organisation needs the care-team consent in force. */
export async function requireConsentFor(
  db: DbOrTx,
  patient: { id: string; organisationId: string },
  organisationId: string,
): Promise<void> {
  if (organisationId === patient.organisationId) return;
  if (!(await hasConsent(db, 'care_team', patient.id)))
    throw conflict(
      'consent_required',
      'この利用者には「ケアチームでの情報共有」の同意が記録されていません。利用者の画面で同意を記録してから、他の事業所の方を加えてください。',
    );
}

/** A member row of the team in one of these statuses (undefined: none). */
export async function placeOf(db: DbOrTx, teamId: string, memberId: string, statuses: MemberStatus[]) {
  const [row] = await db
    .select()
    .from(careTeamMembers)
    .where(
      and(
        eq(careTeamMembers.id, memberId),
        eq(careTeamMembers.teamId, teamId),
        inArray(careTeamMembers.status, statuses),
      ),
    );
  return row;
}

/** Current members and open invitations, the owner first. */
async function membersOf(db: DbOrTx, team: TeamAccess['team']): Promise<TeamMember[]> {
  const rows = await db
    .select({ member: careTeamMembers, displayName: users.displayName, organisationName: organisations.name })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.userId))
    .innerJoin(organisations, eq(organisations.id, careTeamMembers.organisationId))
    .where(and(eq(careTeamMembers.teamId, team.id), inArray(careTeamMembers.status, HELD_STATUSES)))
    .orderBy(asc(careTeamMembers.invitedAt));
  return rows
    .map(({ member, displayName, organisationName }) => ({
      memberId: member.id,
      userId: member.userId,
      displayName,
      organisationId: member.organisationId,
      organisationName,
      teamRole: member.teamRole as TeamRole,
      status: member.status,
      isOwner: member.userId === team.ownerId && member.status === 'active',
      invitedAt: member.invitedAt.toISOString(),
      invitationExpiresAt: member.invitationExpiresAt?.toISOString() ?? null,
      joinedAt: member.joinedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => Number(b.isOwner) - Number(a.isOwner));
}

/** The system admins looking at the team under a support grant now. */
async function supportViewersOf(db: DbOrTx, teamId: string) {
  const rows = await db
    .select({
      displayName: users.displayName,
      reason: supportAccessGrants.reason,
      expiresAt: supportAccessGrants.expiresAt,
    })
    .from(supportAccessGrants)
    .innerJoin(users, eq(users.id, supportAccessGrants.userId))
    .where(and(eq(supportAccessGrants.teamId, teamId), gt(supportAccessGrants.expiresAt, sql`now()`)));
  return rows.map((row) => ({ ...row, expiresAt: row.expiresAt.toISOString() }));
}

export async function detailOf(db: DbOrTx, access: TeamAccess): Promise<TeamDetail> {
  const { team, member, patient, support } = access;
  const [members, family] = [await membersOf(db, team), await familyOf(db, team.id)];
  const owner = members.find((m) => m.isOwner);
  return {
    id: team.id,
    name: team.name,
    status: team.status as TeamDetail['status'],
    closedAt: team.closedAt?.toISOString() ?? null,
    patient: { id: patient.id, name: patient.name, kana: patient.kana, birthDate: patient.birthDate },
    owner: { userId: team.ownerId, displayName: owner?.displayName ?? '' },
    members,
    me: {
      memberId: member.id,
      userId: member.userId,
      teamRole: member.teamRole as TeamRole,
      isOwner: team.ownerId === member.userId,
    },
    family,
    support: support ? { reason: support.reason, expiresAt: support.expiresAt.toISOString() } : null,
    supportViewers: await supportViewersOf(db, team.id),
    createdAt: team.createdAt.toISOString(),
  };
}

/** Creates a team for the patient; the creator is its owner and first member. */
export async function createTeam(
  request: FastifyRequest,
  patientId: string,
  body: z.infer<typeof teamCreateRequest>,
): Promise<TeamDetail> {
  const actor = requireActor(request);
  if ((await membershipRole(request, body.organisationId)) === null)
    throw forbidden('所属していない組織の立場ではチームを作れません。', 'not_member_of_organisation');
  const teamId = await request.server.db.transaction(async (tx) => {
    const patient = await openPatient(request, patientId, 'team.create', { db: tx });
    await requireConsentFor(tx, patient, body.organisationId);
    const [team] = await tx
      .insert(careTeams)
      .values({
        patientId,
        name: body.name || `${patient.name}さんのケアチーム`,
        ownerId: actor.user.id,
        createdBy: actor.user.id,
      })
      .returning({ id: careTeams.id });
    if (!team) throw new Error('insert returned no row');
    await tx.insert(careTeamMembers).values({
      teamId: team.id,
      userId: actor.user.id,
      organisationId: body.organisationId,
      teamRole: body.teamRole,
      status: 'active',
      invitedBy: actor.user.id,
      joinedAt: new Date(),
    });
    return team.id;
  });
  return readTeam(request, teamId);
}

export async function readTeam(request: FastifyRequest, teamId: string): Promise<TeamDetail> {
  const access = await openTeam(request, teamId, 'team.read');
  return detailOf(request.server.db, access);
}

/** The patient's teams the actor holds a place in (the patient page lists them). */
export async function teamsOfPatient(request: FastifyRequest, patientId: string) {
  await openPatient(request, patientId, 'patient.read', { details: () => ({ teams: true }) });
  return {
    items: await teamSummaries(
      request.server.db,
      requireActor(request).user.id,
      eq(careTeams.patientId, patientId),
    ),
  };
}

/** Closes the team: its record stays readable to its members, nothing more is written. */
export async function closeTeam(request: FastifyRequest, teamId: string): Promise<TeamDetail> {
  const actor = requireActor(request);
  return request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'team.close', { db: tx, forUpdate: true });
    requireOwner(request, access);
    requireOpen(access);
    const [team] = await tx
      .update(careTeams)
      .set({ status: 'closed', closedAt: new Date(), closedBy: actor.user.id })
      .where(eq(careTeams.id, teamId))
      .returning();
    return detailOf(tx, { ...access, team: team ?? access.team });
  });
}

/** Hands the team to another current member, who becomes the owner. */
export async function transferOwnership(
  request: FastifyRequest,
  teamId: string,
  memberId: string,
): Promise<TeamDetail> {
  return request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'team.transfer', {
      db: tx,
      forUpdate: true,
      details: { memberId },
    });
    requireOwner(request, access);
    requireOpen(access);
    const target = await placeOf(tx, teamId, memberId, ['active']);
    if (!target) throw conflict('not_a_member', '引き継ぐ相手は、チームに参加している方から選んでください。');
    const [team] = await tx
      .update(careTeams)
      .set({ ownerId: target.userId })
      .where(eq(careTeams.id, teamId))
      .returning();
    return detailOf(tx, { ...access, team: team ?? access.team });
  });
}
