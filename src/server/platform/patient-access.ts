// The one way to patient data. Who may see a patient: the members of the organisation that recorded
// them (its record, its responsibility), and beyond it the members of the patient's care teams while
// the patient's consent to share with the care team is in force. A team member acts for one of their
// organisations and keeps access only while they belong to it, so leaving an organisation ends every
// team place held for it at once. Organisation roles do not widen this, and system roles (system
// admin, center, city, EMS) give no access to patients on this path — save a system admin's support
// grant for one team: read-only, for an hour, audited with its reason (features/admin/support-access.ts).
// Every read, search and write of patient data writes its audit record here, inside the caller's
// transaction where there is one, so nothing is read or changed unaudited. A patient the actor may
// not see is answered 404, exactly as one that does not exist: ids are not to be probed.
// An admission episode (入退院) is seen by the patient's care team, as above, and by the window of the
// hospital it is at — that hospital's members, while the consent to share with the care team is in
// force — and by nobody else (openEpisode).
// An ambulance crew reads a patient's emergency sheet on the one audited emergency path,
// features/emergency/ems.ts behind its `emsCrew` rule: by a kit's card or an exact break-glass search,
// only under the consent to EMS access (consentInForce('ems')), every look-up recorded and audited
// here (auditPatientAccess, 'emergency.ems_read') — the sheet and the wishes, nothing else.
import { and, desc, eq, gt, inArray, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { todayInJapan } from '../../shared/dates';
import type { ConsentScope } from '../../shared/patients';
import type { DbOrTx } from '../db/client';
import {
  admissionEpisodes,
  careTeamMembers,
  careTeams,
  memberships,
  patients,
  supportAccessGrants,
  teamFamilyMembers,
} from '../db/schema';
import { membershipRole, requireActor } from './access';
import { auditRequest, requestAuditFields } from './audit';
import { notFound, unauthorized } from './errors';

export type PatientRow = typeof patients.$inferSelect;

export type PatientAuditAction =
  | 'patient.read'
  | 'patient.create'
  | 'patient.update'
  | 'patient.search'
  | 'patient.duplicate_check'
  | 'consent.record'
  | 'consent.withdraw'
  | 'consent.document'
  | 'team.create'
  | 'team.read'
  | 'team.invite'
  | 'team.accept'
  | 'team.decline'
  | 'team.end_membership'
  | 'team.transfer'
  | 'team.close'
  | 'team.hand_over'
  | 'team.home'
  | 'team.support_access'
  | 'post.list'
  | 'post.create'
  | 'post.update'
  | 'post.retract'
  | 'post.read'
  | 'post.acknowledge'
  | 'post.receipts'
  | 'file.upload'
  | 'file.read'
  | 'vitals.read'
  | 'meeting.list'
  | 'meeting.create'
  | 'meeting.answer'
  | 'meeting.fix'
  | 'meeting.calendar'
  | 'family.invite'
  | 'family.end'
  | 'family.join'
  | 'family.read'
  | 'family.post'
  | 'episode.list'
  | 'episode.open'
  | 'episode.read'
  | 'episode.update'
  | 'episode.step'
  | 'episode.receipt'
  | 'episode.discharge'
  | 'episode.due_list'
  | 'document.read'
  | 'document.save'
  | 'document.send'
  | 'document.receive'
  | 'acp.read'
  | 'acp.save'
  | 'acp.confirm'
  | 'emergency.read'
  | 'emergency.to_confirm'
  | 'emergency.save'
  | 'emergency.kit_issue'
  | 'emergency.kit_revoke'
  | 'emergency.ems_read';

const patientNotFound = () =>
  notFound(
    'この利用者は見つからないか、閲覧する権限がありません。一覧から選び直してください。',
    'patient_not_found',
  );

/** A value of a condition, or a placeholder for it in a prepared statement. */
type Param = string | Placeholder;

/** The patient's consent of this scope is in force (given by `today`, not withdrawn). */
export const consentInForce = (
  scope: ConsentScope,
  patientId: SQL | typeof patients.id,
  today: Param = todayInJapan(),
): SQL =>
  sql`EXISTS (SELECT 1 FROM patient_consents c WHERE c.patient_id = ${patientId} AND c.scope = ${scope}
    AND c.withdrawn_at IS NULL AND c.consented_on <= ${today})`;

export const careTeamConsentInForce = (patientId: SQL | typeof patients.id, today?: Param): SQL =>
  consentInForce('care_team', patientId, today);

/** The member row `m` holds a current place: active, and still in the organisation it acts for. */
const currentPlace = sql`m.status = 'active' AND EXISTS (SELECT 1 FROM memberships ms
  WHERE ms.user_id = m.user_id AND ms.organisation_id = m.organisation_id)`;

/** The condition on `patients` for the rows the signed-in actor may see. */
export function visiblePatients(request: FastifyRequest): SQL {
  const actor = requireActor(request);
  return or(
    inArray(
      patients.organisationId,
      request.server.db
        .select({ id: memberships.organisationId })
        .from(memberships)
        .where(eq(memberships.userId, actor.user.id)),
    ),
    sql`${patients.id} IN (SELECT t.patient_id FROM care_teams t JOIN care_team_members m ON m.team_id = t.id
      WHERE m.user_id = ${actor.user.id} AND ${currentPlace} AND ${careTeamConsentInForce(sql`t.patient_id`)})`,
  ) as SQL;
}

/**
 * The condition on `care_teams` (joined with `patients`) and the actor's member row aliased `m`: the
 * actor holds a current place, acting for the recording organisation or under consent in force.
 */
export function visibleTeamsOfActor(request: FastifyRequest): SQL {
  return visibleTeamsOf(requireActor(request).user.id);
}

/** visibleTeamsOfActor for a user outside a request (the daily digest, which only counts). */
export function visibleTeamsOf(userId: string): SQL {
  return sql`m.user_id = ${userId} AND ${currentPlace}
    AND (${patients.organisationId} = m.organisation_id OR ${careTeamConsentInForce(patients.id)})`;
}

/** Whether the actor may record patients for this organisation: its members may. */
export async function mayRecordFor(request: FastifyRequest, organisationId: string): Promise<boolean> {
  return (await membershipRole(request, organisationId)) !== null;
}

/** An audit record of access to a patient's data (open… and search… write their own). */
export async function auditPatientAccess(
  db: DbOrTx,
  request: FastifyRequest,
  action: PatientAuditAction,
  patient: { id: string | null; organisationId: string | null },
  details?: Record<string, unknown>,
  reason?: string,
): Promise<void> {
  await auditRequest(db, request, {
    ...requestAuditFields(request),
    action,
    reason: reason ?? null,
    organisationId: patient.organisationId,
    targetType: 'patient',
    targetId: patient.id,
    details: details ?? null,
  });
}

/**
 * The patient, if the actor may see them, with the audit record of this access (`action`, and
 * `details` such as the fields changed). In a transaction the row is locked for the change to come.
 */
export async function openPatient(
  request: FastifyRequest,
  patientId: string,
  action: PatientAuditAction,
  options: {
    db?: DbOrTx;
    forUpdate?: boolean;
    /** What the record says beyond the action (the names of the fields a change touches …). */
    details?: (row: PatientRow) => Record<string, unknown>;
  } = {},
): Promise<PatientRow> {
  const db = options.db ?? request.server.db;
  const query = db
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), visiblePatients(request)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw patientNotFound();
  await auditPatientAccess(db, request, action, row, options.details?.(row));
  return row;
}

/** The audit record of a new patient, written in the transaction that inserts it. */
export async function auditNewPatient(db: DbOrTx, request: FastifyRequest, row: PatientRow): Promise<void> {
  await auditPatientAccess(db, request, 'patient.create', row);
}

/**
 * Rows of a search among the patients the actor may see, with one audit record of what was asked and
 * how many were shown. `where` narrows the search; the visibility condition is always added here.
 */
export async function searchPatients<T extends { id: string }>(
  request: FastifyRequest,
  action: 'patient.search' | 'patient.duplicate_check',
  where: SQL | undefined,
  run: (condition: SQL) => Promise<T[]>,
  asked: Record<string, unknown>,
): Promise<T[]> {
  const condition = and(visiblePatients(request), where) as SQL;
  const rows = await run(condition);
  await auditListShown(
    request,
    action,
    rows.map((row) => row.id),
    asked,
  );
  return rows;
}

/** The audit record of a list (no one patient): the ids of what it showed, after what was asked. */
export function auditListShown(
  request: FastifyRequest,
  action: PatientAuditAction,
  shown: string[],
  asked: Record<string, unknown> = {},
): Promise<void> {
  return auditPatientAccess(
    request.server.db,
    request,
    action,
    { id: null, organisationId: null },
    { ...asked, shown },
  );
}

export type TeamRow = typeof careTeams.$inferSelect;
export type MemberRow = typeof careTeamMembers.$inferSelect;
export type TeamAccess = {
  team: TeamRow;
  /** The actor's own place in the team (for a system admin's audited look: a read-only stand-in). */
  member: MemberRow;
  patient: Pick<PatientRow, 'id' | 'name' | 'kana' | 'birthDate' | 'organisationId'>;
  /** Set when a system admin reads under a support grant (no place in the team). */
  support?: { grantId: string; reason: string; expiresAt: Date };
};

/** What a system admin's support grant lets them do in a team: read, nothing else. */
const SUPPORT_ACTIONS: PatientAuditAction[] = [
  'team.read',
  'post.list',
  'post.receipts',
  'meeting.list',
  'file.read',
  'vitals.read',
];

/** The actor's member row, aliased `m` for visibleTeamsOfActor's conditions. */
export const actorMember = alias(careTeamMembers, 'm');

const teamPatientFields = {
  id: patients.id,
  name: patients.name,
  kana: patients.kana,
  birthDate: patients.birthDate,
  organisationId: patients.organisationId,
};

const teamNotFound = () =>
  notFound(
    'このチームは見つからないか、参加していません。ホームのチーム一覧から選び直してください。',
    'team_not_found',
  );

/**
 * The team with the actor's place in it, if the actor may see it (else 404), and the audit record of
 * this access. In a transaction the team row is locked for the change to come.
 */
export async function openTeam(
  request: FastifyRequest,
  teamId: string,
  action: PatientAuditAction,
  options: { db?: DbOrTx; forUpdate?: boolean; details?: Record<string, unknown> } = {},
): Promise<TeamAccess> {
  const db = options.db ?? request.server.db;
  const query = db
    .select({ team: careTeams, member: actorMember, patient: teamPatientFields })
    .from(careTeams)
    .innerJoin(actorMember, eq(actorMember.teamId, careTeams.id))
    .innerJoin(patients, eq(patients.id, careTeams.patientId))
    .where(and(eq(careTeams.id, teamId), visibleTeamsOfActor(request)));
  const [row] = options.forUpdate ? await query.for('update', { of: careTeams }) : await query;
  if (!row) return openTeamForSupport(request, db, teamId, action, options.details);
  await auditPatientAccess(db, request, action, row.patient, { teamId, ...options.details });
  return row;
}

/**
 * A system admin with a support grant in force for the team reads it (audited with the grant's
 * reason); everyone else, and every other action, gets the 404 of a team one is not in.
 */
async function openTeamForSupport(
  request: FastifyRequest,
  db: DbOrTx,
  teamId: string,
  action: PatientAuditAction,
  details?: Record<string, unknown>,
): Promise<TeamAccess> {
  const actor = requireActor(request);
  if (!actor.user.systemRoles.includes('system_admin') || !SUPPORT_ACTIONS.includes(action))
    throw teamNotFound();
  const [row] = await db
    .select({ grant: supportAccessGrants, team: careTeams, patient: teamPatientFields })
    .from(supportAccessGrants)
    .innerJoin(careTeams, eq(careTeams.id, supportAccessGrants.teamId))
    .innerJoin(patients, eq(patients.id, careTeams.patientId))
    .where(
      and(
        eq(supportAccessGrants.teamId, teamId),
        eq(supportAccessGrants.userId, actor.user.id),
        gt(supportAccessGrants.expiresAt, sql`now()`),
        // Beyond the recording organisation only under the consent, for a system admin too.
        careTeamConsentInForce(patients.id),
      ),
    )
    .orderBy(desc(supportAccessGrants.expiresAt))
    .limit(1);
  if (!row) throw teamNotFound();
  await auditPatientAccess(
    db,
    request,
    action,
    row.patient,
    { teamId, supportGrant: row.grant.id, ...details },
    row.grant.reason,
  );
  const { grant, team, patient } = row;
  const member: MemberRow = {
    id: grant.id,
    teamId,
    userId: actor.user.id,
    organisationId: patient.organisationId,
    teamRole: 'other',
    status: 'support',
    invitedBy: null,
    invitedAt: grant.createdAt,
    invitationExpiresAt: null,
    joinedAt: grant.createdAt,
    endedAt: null,
    endedBy: null,
    unread: 0,
  };
  return {
    team,
    member,
    patient,
    support: { grantId: grant.id, reason: grant.reason, expiresAt: grant.expiresAt },
  };
}

export type FamilyAccess = {
  team: TeamRow;
  family: typeof teamFamilyMembers.$inferSelect;
  patient: { id: string; name: string; organisationId: string };
};

/**
 * The family member's team (request.family, under access.family()) while their place is active and
 * the patient's consent to share with the family is in force — else 404, saying only that nothing is
 * shared — with the audit record of this access.
 */
export async function openFamilyTeam(
  request: FastifyRequest,
  action: PatientAuditAction,
  options: { db?: DbOrTx; details?: Record<string, unknown> } = {},
): Promise<FamilyAccess> {
  const family = request.family;
  if (!family) throw unauthorized('家族用の参加コードで参加してください。', 'family_unauthenticated');
  const db = options.db ?? request.server.db;
  const [row] = await db
    .select({
      team: careTeams,
      family: teamFamilyMembers,
      patient: { id: patients.id, name: patients.name, organisationId: patients.organisationId },
    })
    .from(teamFamilyMembers)
    .innerJoin(careTeams, eq(careTeams.id, teamFamilyMembers.teamId))
    .innerJoin(patients, eq(patients.id, careTeams.patientId))
    .where(
      and(
        eq(teamFamilyMembers.id, family.familyMemberId),
        eq(teamFamilyMembers.status, 'active'),
        consentInForce('family', patients.id),
      ),
    );
  if (!row)
    throw notFound(
      'いま共有されている情報はありません。担当のケアマネジャーにお問い合わせください。',
      'family_not_shared',
    );
  await auditPatientAccess(db, request, action, row.patient, {
    teamId: row.team.id,
    familyMemberId: row.family.id,
    ...options.details,
  });
  return row;
}

export type EpisodeRow = typeof admissionEpisodes.$inferSelect;
export type EpisodeAccess = {
  episode: EpisodeRow;
  patient: { id: string; name: string; organisationId: string };
  /** The actor is a member of the hospital's organisation (its window). */
  atHospital: boolean;
};

/** The condition "the user works at the episode's hospital" on `admission_episodes`. */
export const atEpisodeHospital = (userId: Param): SQL =>
  sql`EXISTS (SELECT 1 FROM service_points hp JOIN memberships hm ON hm.organisation_id = hp.organisation_id
    WHERE hp.id = ${admissionEpisodes.hospitalPointId} AND hm.user_id = ${userId})`;

/**
 * The condition on `admission_episodes` for the episodes the user may see (see the head comment).
 * Placeholders for the user and today let a list that every home page asks be prepared once.
 */
export function visibleEpisodesOf(userId: Param, today: Param = todayInJapan()): SQL {
  return sql`(EXISTS (SELECT 1 FROM care_team_members m JOIN patients p ON p.id = ${admissionEpisodes.patientId}
      WHERE m.team_id = ${admissionEpisodes.teamId} AND m.user_id = ${userId} AND ${currentPlace}
        AND (p.organisation_id = m.organisation_id OR ${careTeamConsentInForce(sql`p.id`, today)}))
    OR (${atEpisodeHospital(userId)} AND ${careTeamConsentInForce(sql`${admissionEpisodes.patientId}`, today)}))`;
}

/**
 * The episode, if the actor may see it (else 404, as for one that does not exist), with the audit
 * record of this access. In a transaction the episode row is locked for the change to come.
 */
export async function openEpisode(
  request: FastifyRequest,
  episodeId: string,
  action: PatientAuditAction,
  options: { db?: DbOrTx; forUpdate?: boolean; details?: Record<string, unknown> } = {},
): Promise<EpisodeAccess> {
  const userId = requireActor(request).user.id;
  const db = options.db ?? request.server.db;
  const query = db
    .select({
      episode: admissionEpisodes,
      patient: { id: patients.id, name: patients.name, organisationId: patients.organisationId },
      atHospital: sql<boolean>`${atEpisodeHospital(userId)}`,
    })
    .from(admissionEpisodes)
    .innerJoin(patients, eq(patients.id, admissionEpisodes.patientId))
    .where(and(eq(admissionEpisodes.id, episodeId), visibleEpisodesOf(userId)));
  const [row] = options.forUpdate ? await query.for('update', { of: admissionEpisodes }) : await query;
  if (!row)
    throw notFound(
      'この入退院の記録は見つからないか、閲覧する権限がありません。一覧から選び直してください。',
      'episode_not_found',
    );
  await auditPatientAccess(db, request, action, row.patient, {
    episodeId,
    teamId: row.episode.teamId,
    ...options.details,
  });
  return row;
}
