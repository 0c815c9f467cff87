// Who is in a care team: the owner invites professionals (any user of any organisation, found by
// name), the invitee accepts or declines within INVITATION_DAYS, the owner removes a member or a
// member leaves. Rows are never deleted: a place ends with a status and who ended it.
import { and, eq, gt, ilike, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Candidate, Invitation, invitationRequest, TeamDetail } from '../../../shared/schemas/teams';
import { normalizeForSearch } from '../../../shared/search-text';
import { HELD_STATUSES, INVITATION_DAYS, type TeamRole } from '../../../shared/teams';
import { containing, type DbOrTx } from '../../db/client';
import { careTeamMembers, careTeams, memberships, organisations, patients, users } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { auditPatientAccess, openTeam } from '../../platform/patient-access';
import { tellTeam } from './live';
import { detailOf, placeOf, requireConsentFor, requireOpen, requireOwner, teamClosed } from './teams';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Professionals the owner may invite: by name or reading, not already in the team. */
export async function findCandidates(
  request: FastifyRequest,
  teamId: string,
  q: string,
): Promise<{ items: Candidate[] }> {
  const access = await openTeam(request, teamId, 'team.read', { details: { candidates: q } });
  requireOwner(request, access);
  const inTeam = request.server.db
    .select({ id: careTeamMembers.userId })
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.teamId, teamId), inArray(careTeamMembers.status, HELD_STATUSES)));
  const reading = normalizeForSearch(q);
  const rows = await request.server.db
    .select({
      userId: users.id,
      displayName: users.displayName,
      kana: users.kana,
      profession: users.profession,
      organisationId: organisations.id,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(users.disabled, false),
        notInArray(users.id, inTeam),
        or(
          ilike(users.displayName, containing(q)),
          ilike(users.kana, containing(q)),
          ilike(users.kana, containing(reading)),
        ),
      ),
    )
    .orderBy(users.kana, organisations.name)
    .limit(20);
  return { items: rows };
}

/** The owner invites a professional to act in the team for one of their organisations. */
export async function invite(
  request: FastifyRequest,
  teamId: string,
  body: z.infer<typeof invitationRequest>,
): Promise<TeamDetail> {
  const actor = requireActor(request);
  const detail = await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'team.invite', {
      db: tx,
      forUpdate: true,
      details: { userId: body.userId, organisationId: body.organisationId },
    });
    requireOwner(request, access);
    requireOpen(access);
    const [membership] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.userId, body.userId),
          eq(memberships.organisationId, body.organisationId),
          eq(users.disabled, false),
        ),
      );
    if (!membership)
      throw badRequest(
        'invitee_not_in_organisation',
        'その方は選んだ組織に所属していません。検索から選び直してください。',
      );
    await requireConsentFor(tx, access.patient, body.organisationId);
    const [current] = await tx
      .select({
        id: careTeamMembers.id,
        status: careTeamMembers.status,
        expiresAt: careTeamMembers.invitationExpiresAt,
      })
      .from(careTeamMembers)
      .where(
        and(
          eq(careTeamMembers.teamId, teamId),
          eq(careTeamMembers.userId, body.userId),
          inArray(careTeamMembers.status, HELD_STATUSES),
        ),
      );
    if (current && current.status === 'invited' && (current.expiresAt?.getTime() ?? 0) <= Date.now())
      // An expired invitation gives way to the new one.
      await tx
        .update(careTeamMembers)
        .set({ status: 'removed', endedAt: new Date(), endedBy: actor.user.id })
        .where(eq(careTeamMembers.id, current.id));
    else if (current)
      throw conflict(
        current.status === 'active' ? 'already_member' : 'already_invited',
        current.status === 'active' ? 'その方はすでにチームのメンバーです。' : 'その方はすでに招待中です。',
      );
    await tx.insert(careTeamMembers).values({
      teamId,
      userId: body.userId,
      organisationId: body.organisationId,
      teamRole: body.teamRole,
      status: 'invited',
      invitedBy: actor.user.id,
      invitationExpiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS),
    });
    return detailOf(tx, access);
  });
  await tellTeam(request, teamId, { type: 'team', teamId }, [body.userId]);
  return detail;
}

/** A user's open invitations (the home page shows them, the digest counts them). */
export async function invitationsOf(db: DbOrTx, userId: string): Promise<Invitation[]> {
  const inviter = sql<
    string | null
  >`(SELECT display_name FROM users u WHERE u.id = ${careTeamMembers.invitedBy})`;
  const rows = await db
    .select({
      member: careTeamMembers,
      teamName: careTeams.name,
      organisationName: organisations.name,
      inviter,
    })
    .from(careTeamMembers)
    .innerJoin(careTeams, eq(careTeams.id, careTeamMembers.teamId))
    .innerJoin(organisations, eq(organisations.id, careTeamMembers.organisationId))
    .where(
      and(
        eq(careTeamMembers.userId, userId),
        eq(careTeamMembers.status, 'invited'),
        gt(careTeamMembers.invitationExpiresAt, new Date()),
        eq(careTeams.status, 'open'),
      ),
    )
    .orderBy(careTeamMembers.invitedAt);
  return rows.map(({ member, teamName, organisationName, inviter: invitedBy }) => ({
    memberId: member.id,
    teamId: member.teamId,
    teamName,
    teamRole: member.teamRole as TeamRole,
    organisationName,
    invitedBy,
    invitedAt: member.invitedAt.toISOString(),
    expiresAt: (member.invitationExpiresAt ?? member.invitedAt).toISOString(),
  }));
}

const invitationNotFound = () =>
  notFound('この招待は見つかりません。ホームの招待一覧から選び直してください。', 'invitation_not_found');

/** The invitee accepts (→ member) or declines; twice, after expiry or for a closed team: 409. */
export async function answerInvitation(
  request: FastifyRequest,
  memberId: string,
  answer: 'accept' | 'decline',
): Promise<{ teamId: string }> {
  const actor = requireActor(request);
  const teamId = await request.server.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ member: careTeamMembers, team: careTeams, patientOrganisationId: patients.organisationId })
      .from(careTeamMembers)
      .innerJoin(careTeams, eq(careTeams.id, careTeamMembers.teamId))
      .innerJoin(patients, eq(patients.id, careTeams.patientId))
      .where(and(eq(careTeamMembers.id, memberId), eq(careTeamMembers.userId, actor.user.id)))
      .for('update', { of: careTeamMembers });
    if (!row) throw invitationNotFound();
    const { member, team } = row;
    if (member.status === 'active')
      throw conflict('invitation_already_accepted', 'この招待はすでに承諾しています。');
    if (member.status !== 'invited') throw conflict('invitation_closed', 'この招待はすでに終わっています。');
    if ((member.invitationExpiresAt?.getTime() ?? 0) <= Date.now())
      throw conflict(
        'invitation_expired',
        'この招待は期限が切れています。チームの管理者に招待し直してもらってください。',
      );
    if (team.status !== 'open') throw teamClosed();
    const patient = { id: team.patientId, organisationId: row.patientOrganisationId };
    if (answer === 'accept') await requireConsentFor(tx, patient, member.organisationId);
    await tx
      .update(careTeamMembers)
      .set(
        answer === 'accept'
          ? { status: 'active', joinedAt: new Date() }
          : { status: 'declined', endedAt: new Date(), endedBy: actor.user.id },
      )
      .where(eq(careTeamMembers.id, memberId));
    await auditPatientAccess(tx, request, answer === 'accept' ? 'team.accept' : 'team.decline', patient, {
      teamId: team.id,
      memberId,
    });
    return team.id;
  });
  await tellTeam(request, teamId, { type: 'team', teamId }, [actor.user.id]);
  return { teamId };
}

/**
 * Ends a place: the owner removes a member or withdraws an invitation; a member leaves. The owner
 * hands the team over before leaving, so a team always has an owner.
 */
export async function endMembership(
  request: FastifyRequest,
  teamId: string,
  memberId: string,
): Promise<{ team: TeamDetail | null }> {
  const actor = requireActor(request);
  const { detail, userId } = await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'team.end_membership', {
      db: tx,
      forUpdate: true,
      details: { memberId },
    });
    const target = await placeOf(tx, teamId, memberId, HELD_STATUSES);
    if (!target)
      throw notFound('このメンバーは見つかりません。画面を読み込み直してください。', 'member_not_found');
    const self = target.userId === actor.user.id;
    if (!self) requireOwner(request, access);
    if (target.userId === access.team.ownerId)
      throw conflict(
        'owner_must_transfer',
        'オーナーは、先に他のメンバーへ管理を引き継いでから退出してください。',
      );
    await tx
      .update(careTeamMembers)
      .set({ status: self ? 'left' : 'removed', endedAt: new Date(), endedBy: actor.user.id })
      .where(eq(careTeamMembers.id, memberId));
    return { detail: self ? null : await detailOf(tx, access), userId: target.userId };
  });
  await tellTeam(request, teamId, { type: 'team', teamId }, [userId]);
  return { team: detail };
}
