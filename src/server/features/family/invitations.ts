// The owner invites a family member with a one-time code (10 letters and digits, 72 hours), which the
// family member types or opens as a link on their phone; the owner ends a family member's place.
import { randomInt } from 'node:crypto';
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FamilyInvitation, FamilyMember, familyInviteRequest } from '../../../shared/schemas/family';
import type { DbOrTx } from '../../db/client';
import { careTeams, teamFamilyMembers } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { sha256Hex } from '../../platform/crypto';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { endFamilySessionsOf, startFamilySession } from '../../platform/family-sessions';
import { auditPatientAccess, openTeam } from '../../platform/patient-access';
import { tellTeam } from '../teams/live';
import { hasConsent, requireOpen, requireOwner } from '../teams/teams';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: read aloud over the phone
const CODE_LENGTH = 10;
const CODE_HOURS = 72;

const newCode = () =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
/** Typed codes: any case, with or without the hyphen and spaces. */
const normalise = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const shown = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

const familyConsentRequired = () =>
  conflict(
    'family_consent_required',
    'この利用者には「家族への共有」の同意が記録されていません。利用者の画面で同意を記録してから招待してください。',
  );

export async function inviteFamily(
  request: FastifyRequest,
  teamId: string,
  body: z.infer<typeof familyInviteRequest>,
): Promise<FamilyInvitation> {
  const actor = requireActor(request);
  return request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'family.invite', {
      db: tx,
      details: { relation: body.relation },
    });
    requireOwner(request, access);
    requireOpen(access);
    if (!(await hasConsent(tx, 'family', access.patient.id))) throw familyConsentRequired();
    const code = newCode();
    const expiresAt = new Date(Date.now() + CODE_HOURS * 3_600_000);
    const [row] = await tx
      .insert(teamFamilyMembers)
      .values({
        teamId,
        name: body.name,
        relation: body.relation,
        codeHash: sha256Hex(code),
        codeExpiresAt: expiresAt,
        createdBy: actor.user.id,
      })
      .returning({ id: teamFamilyMembers.id });
    if (!row) throw new Error('insert returned no row');
    return { id: row.id, name: body.name, code: shown(code), expiresAt: expiresAt.toISOString() };
  });
}

/** The team's family members and open invitations (the team page lists them). */
export async function familyOf(db: DbOrTx, teamId: string): Promise<FamilyMember[]> {
  const rows = await db
    .select()
    .from(teamFamilyMembers)
    .where(
      and(eq(teamFamilyMembers.teamId, teamId), inArray(teamFamilyMembers.status, ['invited', 'active'])),
    )
    .orderBy(teamFamilyMembers.createdAt);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    relation: row.relation,
    status: row.status as FamilyMember['status'],
    codeExpiresAt: row.codeExpiresAt.toISOString(),
    joinedAt: row.joinedAt?.toISOString() ?? null,
  }));
}

export async function endFamily(
  request: FastifyRequest,
  teamId: string,
  familyId: string,
): Promise<{ ok: true }> {
  const actor = requireActor(request);
  await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'family.end', { db: tx, details: { familyId } });
    requireOwner(request, access);
    const [ended] = await tx
      .update(teamFamilyMembers)
      .set({ status: 'removed', endedAt: new Date(), endedBy: actor.user.id })
      .where(
        and(
          eq(teamFamilyMembers.id, familyId),
          eq(teamFamilyMembers.teamId, teamId),
          inArray(teamFamilyMembers.status, ['invited', 'active']),
        ),
      )
      .returning({ id: teamFamilyMembers.id });
    if (!ended)
      throw notFound('このご家族は見つかりません。画面を読み込み直してください。', 'family_not_found');
    await endFamilySessionsOf(tx, familyId);
  });
  await tellTeam(request, teamId, { type: 'team', teamId });
  return { ok: true };
}

const codeRefused = () =>
  badRequest(
    'family_code_invalid',
    'コードが正しくないか、使用済みか、期限が切れています。もう一度確かめるか、ケアマネジャーに新しいコードをもらってください。',
  );

/** The family member's code, once: it opens their family session. */
export async function joinWithCode(
  request: FastifyRequest,
  reply: FastifyReply,
  code: string,
): Promise<{ teamName: string }> {
  const team = await request.server.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ family: teamFamilyMembers, team: careTeams })
      .from(teamFamilyMembers)
      .innerJoin(careTeams, eq(careTeams.id, teamFamilyMembers.teamId))
      .where(
        and(
          eq(teamFamilyMembers.codeHash, sha256Hex(normalise(code))),
          eq(teamFamilyMembers.status, 'invited'),
          gt(teamFamilyMembers.codeExpiresAt, new Date()),
        ),
      )
      .for('update', { of: teamFamilyMembers });
    if (row?.team.status !== 'open') throw codeRefused();
    if (!(await hasConsent(tx, 'family', row.team.patientId))) throw familyConsentRequired();
    await tx
      .update(teamFamilyMembers)
      .set({ status: 'active', joinedAt: new Date() })
      .where(eq(teamFamilyMembers.id, row.family.id));
    await startFamilySession(tx, request, reply, row.family.id);
    await auditPatientAccess(
      tx,
      request,
      'family.join',
      { id: row.team.patientId, organisationId: null },
      {
        teamId: row.team.id,
        familyMemberId: row.family.id,
      },
    );
    return row.team;
  });
  // The team's pages offer 「家族にも見せる」 once a family member has joined.
  await tellTeam(request, team.id, { type: 'team', teamId: team.id });
  return { teamName: team.name };
}
