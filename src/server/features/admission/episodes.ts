// Admission episodes (入退院): opened from a care team (by its care manager, or by the hospital's MSW
// who holds a place in it), with the rule version in force on the admission date; its steps get their
// due dates from that version as the dates they count from become known (the expected discharge, the
// discharge). Every read and change goes through platform/patient-access.ts (openTeam, openEpisode),
// which audits; every change runs in one transaction with the episode row locked, and tells the team
// and the hospital's window live.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { addCalendarDays, todayInJapan } from '../../../shared/dates';
import {
  type DischargeRequest,
  DUE_SOON_DAYS,
  type EpisodeOpenRequest,
  type EpisodeStep,
  type EpisodeStepView,
  type EpisodeView,
  type ExpectedDischargeRequest,
  episodeSteps,
  type Outcome,
  stepOwners,
  type TeamEpisodes,
} from '../../../shared/schemas/admission-episodes';
import type { RuleParameters } from '../../../shared/schemas/admission-rule';
import type { DbOrTx, Tx } from '../../db/client';
import {
  admissionEpisodeSteps,
  admissionEpisodes,
  admissionRuleVersions,
  careTeamMembers,
  careTeams,
  servicePoints,
} from '../../db/schema';
import { requireActor } from '../../platform/access';
import { badRequest, conflict } from '../../platform/errors';
import { type EpisodeAccess, type EpisodeRow, openEpisode, openTeam } from '../../platform/patient-access';
import { addRuleDays, ruleDaysBefore } from './deadlines';
import { handOnSheet } from './documents';
import { filesOfEpisode } from './episode-files';
import { careManagerPlaceOf, nameOfUser, tellEpisode } from './live';
import { pointRef } from './participation';
import { parametersOf, ruleOn } from './rule';

type StepRow = typeof admissionEpisodeSteps.$inferSelect;

/** Where a step stands today: what the lists and the episode page colour it by. */
export function timingOf(
  step: Pick<StepRow, 'status' | 'dueOn' | 'doneOn'>,
  today: string,
): EpisodeStepView['timing'] {
  if (step.status === 'not_needed') return 'closed';
  if (step.status === 'missed') return 'missed';
  if (step.status === 'done')
    return step.dueOn && step.doneOn && step.doneOn > step.dueOn ? 'late' : 'on_time';
  if (!step.dueOn) return 'no_date';
  if (step.dueOn < today) return 'overdue';
  return step.dueOn <= addCalendarDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'later';
}

const notFoundPoint = () =>
  badRequest('hospital_not_found', 'この病院は見つかりません。病院の一覧から選び直してください。');

/** A hospital of the directory (not withdrawn), with the organisation that runs it. */
async function hospitalPoint(db: DbOrTx, pointId: string) {
  const [point] = await db
    .select({ id: servicePoints.id, name: servicePoints.name, organisationId: servicePoints.organisationId })
    .from(servicePoints)
    .where(
      and(
        eq(servicePoints.id, pointId),
        eq(servicePoints.serviceCode, 'hospital'),
        isNull(servicePoints.withdrawnAt),
      ),
    );
  if (!point) throw notFoundPoint();
  return point;
}

/** The care-management office (居宅介護支援) of the team's care manager, if they have one on record. */
async function careOfficeOfTeam(db: DbOrTx, teamId: string) {
  const [point] = await db
    .select({ id: servicePoints.id, organisationId: servicePoints.organisationId })
    .from(careTeamMembers)
    .innerJoin(servicePoints, eq(servicePoints.organisationId, careTeamMembers.organisationId))
    .where(
      and(
        careManagerPlaceOf(teamId),
        eq(servicePoints.serviceCode, '430'),
        isNull(servicePoints.withdrawnAt),
      ),
    )
    .orderBy(careTeamMembers.joinedAt, servicePoints.sortKey)
    .limit(1);
  return point ?? null;
}

const alreadyAdmitted = () =>
  conflict(
    'episode_already_open',
    'この方は、この病院に入院中として登録されています。その記録を開いて、退院を記録してから登録してください。',
  );

/** Inserts an episode and its four steps; the admission information is due from the admission date. */
async function insertEpisode(
  tx: Tx,
  values: {
    teamId: string;
    patientId: string;
    hospital: { id: string; organisationId: string | null };
    careOffice: { id: string; organisationId: string | null } | null;
    admittedOn: string;
    ward: string | null;
    needsConference: boolean;
    notes: string | null;
    transferredFromId: string | null;
    openedBy: string;
  },
): Promise<string> {
  // One stay at a time per team and hospital: the team row is the lock (opening and transferring).
  await tx.select({ id: careTeams.id }).from(careTeams).where(eq(careTeams.id, values.teamId)).for('update');
  const [open] = await tx
    .select({ id: admissionEpisodes.id })
    .from(admissionEpisodes)
    .where(
      and(
        eq(admissionEpisodes.teamId, values.teamId),
        eq(admissionEpisodes.hospitalPointId, values.hospital.id),
        isNull(admissionEpisodes.dischargedOn),
      ),
    );
  if (open) throw alreadyAdmitted();
  const rule = await ruleOn(tx, values.admittedOn);
  const [episode] = await tx
    .insert(admissionEpisodes)
    .values({
      teamId: values.teamId,
      patientId: values.patientId,
      hospitalPointId: values.hospital.id,
      careOfficePointId: values.careOffice?.id ?? null,
      ruleVersionId: rule.id,
      admittedOn: values.admittedOn,
      ward: values.ward,
      needsConference: values.needsConference,
      notes: values.notes,
      transferredFromId: values.transferredFromId,
      openedBy: values.openedBy,
    })
    .returning({ id: admissionEpisodes.id });
  if (!episode) throw new Error('episode insert returned nothing');
  const ownerOf = (step: EpisodeStep) =>
    (stepOwners[step] === 'hospital' ? values.hospital : values.careOffice)?.organisationId ?? null;
  await tx.insert(admissionEpisodeSteps).values(
    episodeSteps.map((step) => ({
      episodeId: episode.id,
      step,
      ownerSide: stepOwners[step],
      ownerOrganisationId: ownerOf(step),
      dueOn:
        step === 'admission_info'
          ? addRuleDays(values.admittedOn, parametersOf(rule).admissionInfoDays, parametersOf(rule))
          : null,
      status: step === 'conference' && !values.needsConference ? 'not_needed' : 'pending',
    })),
  );
  return episode.id;
}

/** Opens an episode for the team's patient at a hospital of the directory. */
export async function openTeamEpisode(
  request: FastifyRequest,
  teamId: string,
  body: EpisodeOpenRequest,
): Promise<EpisodeView> {
  const actor = requireActor(request);
  const episodeId = await request.server.db.transaction(async (tx) => {
    const { team, patient } = await openTeam(request, teamId, 'episode.open', {
      db: tx,
      forUpdate: true,
      details: { hospitalPointId: body.hospitalPointId, admittedOn: body.admittedOn },
    });
    if (team.status !== 'open')
      throw badRequest('team_closed', 'このチームは終了しています。入院を登録できません。');
    if (body.admittedOn > addCalendarDays(todayInJapan(), 60))
      throw badRequest('admitted_too_far', '入院日は、今日から60日以内の日付を入力してください。');
    return insertEpisode(tx, {
      teamId,
      patientId: patient.id,
      hospital: await hospitalPoint(tx, body.hospitalPointId),
      careOffice: await careOfficeOfTeam(tx, teamId),
      admittedOn: body.admittedOn,
      ward: body.ward ?? null,
      needsConference: body.needsConference,
      notes: body.notes ?? null,
      transferredFromId: null,
      openedBy: actor.user.id,
    });
  });
  await tellEpisode(request, teamId, episodeId);
  return readEpisode(request, episodeId, 'episode.read');
}

/** The team's episodes, newest admission first, each with its next step due. */
export async function listTeamEpisodes(request: FastifyRequest, teamId: string): Promise<TeamEpisodes> {
  await openTeam(request, teamId, 'episode.list');
  const db = request.server.db;
  const rows = await db
    .select({ episode: admissionEpisodes, hospitalName: servicePoints.name })
    .from(admissionEpisodes)
    .innerJoin(servicePoints, eq(servicePoints.id, admissionEpisodes.hospitalPointId))
    .where(eq(admissionEpisodes.teamId, teamId))
    .orderBy(desc(admissionEpisodes.admittedOn), desc(admissionEpisodes.createdAt));
  const steps = rows.length
    ? await db
        .select()
        .from(admissionEpisodeSteps)
        .where(
          inArray(
            admissionEpisodeSteps.episodeId,
            rows.map((row) => row.episode.id),
          ),
        )
    : [];
  const today = todayInJapan();
  return {
    items: rows.map(({ episode, hospitalName }) => {
      const next = steps
        .filter((step) => step.episodeId === episode.id && step.status === 'pending' && step.dueOn)
        .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))[0];
      return {
        id: episode.id,
        hospitalName,
        admittedOn: episode.admittedOn,
        dischargedOn: episode.dischargedOn,
        outcome: episode.outcome as Outcome | null,
        next: next?.dueOn
          ? { step: next.step as EpisodeStep, dueOn: next.dueOn, timing: timingOf(next, today) }
          : null,
      };
    }),
  };
}

/** The episode as its page shows it (opened, and audited, as `action`). */
export async function readEpisode(
  request: FastifyRequest,
  episodeId: string,
  action: 'episode.read' | 'episode.open',
): Promise<EpisodeView> {
  return viewOf(request.server.db, await openEpisode(request, episodeId, action));
}

async function viewOf(db: DbOrTx, access: EpisodeAccess): Promise<EpisodeView> {
  const { episode, patient, atHospital } = access;
  const [hospital, careOffice, [rule], rows, transferredTo, files] = await Promise.all([
    pointRef(db, episode.hospitalPointId),
    pointRef(db, episode.careOfficePointId),
    db.select().from(admissionRuleVersions).where(eq(admissionRuleVersions.id, episode.ruleVersionId)),
    stepRowsOf(db, episode.id),
    db
      .select({ id: admissionEpisodes.id })
      .from(admissionEpisodes)
      .where(eq(admissionEpisodes.transferredFromId, episode.id)),
    filesOfEpisode(db, episode.id),
  ]);
  if (!hospital || !rule) throw new Error('episode without its hospital or rule');
  const steps = stepViewsOf(rows, episode, parametersOf(rule));
  return {
    id: episode.id,
    teamId: episode.teamId,
    patient: { id: patient.id, name: patient.name },
    hospital,
    careOffice,
    rule: { id: rule.id, version: rule.version, title: rule.title },
    admittedOn: episode.admittedOn,
    ward: episode.ward,
    expectedDischargeOn: episode.expectedDischargeOn,
    dischargedOn: episode.dischargedOn,
    outcome: episode.outcome as Outcome | null,
    needsConference: episode.needsConference,
    transferredFromId: episode.transferredFromId,
    transferredToId: transferredTo[0]?.id ?? null,
    notes: episode.notes,
    steps,
    files,
    atHospital,
    version: episode.version,
  };
}

const stepRowsOf = (db: DbOrTx, episodeId: string) =>
  db
    .select({
      step: admissionEpisodeSteps,
      recordedBy: nameOfUser(admissionEpisodeSteps.recordedBy),
      receivedBy: nameOfUser(admissionEpisodeSteps.receivedBy),
    })
    .from(admissionEpisodeSteps)
    .where(eq(admissionEpisodeSteps.episodeId, episodeId));

/**
 * The fees the admission information can earn (the rule of the admission date): each with the day
 * it must be given by, and — once given — the one it earned (the earliest whose day it met).
 */
export function feesOf(
  step: Pick<StepRow, 'step' | 'doneOn'>,
  admittedOn: string,
  rule: RuleParameters,
): EpisodeStepView['fees'] {
  if (step.step !== 'admission_info') return [];
  const fees = [...rule.admissionInfoFees]
    .sort((a, b) => a.withinDays - b.withinDays)
    .map((fee) => ({
      label: fee.label,
      units: fee.units,
      by: addRuleDays(admittedOn, fee.withinDays, rule),
    }));
  const earned = step.doneOn ? fees.find((fee) => (step.doneOn ?? '') <= fee.by) : undefined;
  return fees.map((fee) => ({ ...fee, earned: fee === earned }));
}

function stepViewsOf(
  rows: Awaited<ReturnType<typeof stepRowsOf>>,
  episode: EpisodeRow,
  rule: RuleParameters,
): EpisodeStepView[] {
  const today = todayInJapan();
  return rows
    .map(({ step, recordedBy, receivedBy }) => ({
      step: step.step as EpisodeStep,
      ownerSide: stepOwners[step.step as EpisodeStep],
      dueOn: step.dueOn,
      status: step.status as EpisodeStepView['status'],
      timing: timingOf(step, today),
      doneOn: step.doneOn,
      method: step.method as EpisodeStepView['method'],
      counterpart: step.counterpart,
      notes: step.notes,
      recordedBy,
      recordedAt: step.recordedAt?.toISOString() ?? null,
      receivedAt: step.receivedAt?.toISOString() ?? null,
      receivedBy,
      scheduledAt: step.scheduledAt?.toISOString() ?? null,
      participants: step.participants,
      minutes: step.minutes,
      fees: feesOf(step, episode.admittedOn, rule),
      version: step.version,
    }))
    .sort((a, b) => episodeSteps.indexOf(a.step) - episodeSteps.indexOf(b.step));
}

const staleEpisode = () =>
  conflict(
    'episode_stale',
    'この間に別の方がこの入退院の記録を変更しました。画面を読み込み直し、最新の内容を確かめてから操作してください。',
  );

/**
 * A change to the episode: opened for update (audited as `action`), its version checked, `change`
 * run in the transaction, the version bumped; the team and the hospital told; the episode after it.
 */
export async function changeEpisode(
  request: FastifyRequest,
  episodeId: string,
  action: 'episode.update' | 'episode.step' | 'episode.receipt' | 'episode.discharge',
  expectedVersion: number | null,
  details: Record<string, unknown>,
  change: (tx: Tx, access: EpisodeAccess, rule: RuleParameters) => Promise<void>,
): Promise<EpisodeView> {
  const access = await request.server.db.transaction(async (tx) => {
    const opened = await openEpisode(request, episodeId, action, { db: tx, forUpdate: true, details });
    if (expectedVersion !== null && opened.episode.version !== expectedVersion) throw staleEpisode();
    const [rule] = await tx
      .select()
      .from(admissionRuleVersions)
      .where(eq(admissionRuleVersions.id, opened.episode.ruleVersionId));
    if (!rule) throw new Error('episode without its rule');
    await change(tx, opened, parametersOf(rule));
    const [episode] = await tx
      .update(admissionEpisodes)
      .set({ version: sql`${admissionEpisodes.version} + 1`, updatedAt: new Date() })
      .where(eq(admissionEpisodes.id, episodeId))
      .returning();
    return { ...opened, episode: episode as EpisodeRow };
  });
  await tellEpisode(request, access.episode.teamId, episodeId);
  return viewOf(request.server.db, access);
}

const dischargeBeforeAdmission = (what: string) =>
  badRequest('discharge_before_admission', `${what}は、入院日以降の日付を入力してください。`);

/** Sets (or clears) the expected discharge; the hospital's notice and the conference follow it. */
export function setExpectedDischarge(
  request: FastifyRequest,
  episodeId: string,
  body: ExpectedDischargeRequest,
) {
  return changeEpisode(
    request,
    episodeId,
    'episode.update',
    body.version,
    { expectedDischargeOn: body.expectedDischargeOn, needsConference: body.needsConference },
    async (tx, { episode }, rule) => {
      if (episode.dischargedOn) throw alreadyDischarged();
      const expected = body.expectedDischargeOn;
      if (expected && expected < episode.admittedOn) throw dischargeBeforeAdmission('退院予定日');
      await tx
        .update(admissionEpisodes)
        .set({ expectedDischargeOn: expected, needsConference: body.needsConference })
        .where(eq(admissionEpisodes.id, episodeId));
      await dueIfPending(
        tx,
        episodeId,
        'discharge_notice',
        expected && ruleDaysBefore(expected, rule.dischargeNoticeDaysBefore, rule),
      );
      await tx
        .update(admissionEpisodeSteps)
        .set({ status: body.needsConference ? 'pending' : 'not_needed', dueOn: expected })
        .where(
          and(
            eq(admissionEpisodeSteps.episodeId, episodeId),
            eq(admissionEpisodeSteps.step, 'conference'),
            sql`${admissionEpisodeSteps.status} <> 'done'`,
          ),
        );
    },
  );
}

/** Sets a pending step's due date (a step already done keeps the date it was measured against). */
async function dueIfPending(
  tx: Tx,
  episodeId: string,
  step: EpisodeStep,
  dueOn: string | null,
): Promise<void> {
  await tx
    .update(admissionEpisodeSteps)
    .set({ dueOn })
    .where(
      and(
        eq(admissionEpisodeSteps.episodeId, episodeId),
        eq(admissionEpisodeSteps.step, step),
        eq(admissionEpisodeSteps.status, 'pending'),
      ),
    );
}

const alreadyDischarged = () =>
  conflict('already_discharged', 'この入院は、すでに退院が記録されています。画面を読み込み直してください。');

/**
 * Records the discharge and its outcome. The discharge information is then due from the discharge
 * date (not after a death); a transfer opens a linked episode at the next hospital, under the rule in
 * force on the transfer date.
 */
export async function recordDischarge(request: FastifyRequest, episodeId: string, body: DischargeRequest) {
  const actor = requireActor(request);
  let transferredTo: string | null = null;
  const view = await changeEpisode(
    request,
    episodeId,
    'episode.discharge',
    body.version,
    { dischargedOn: body.dischargedOn, outcome: body.outcome },
    async (tx, { episode, patient }, rule) => {
      if (episode.dischargedOn) throw alreadyDischarged();
      if (body.dischargedOn < episode.admittedOn) throw dischargeBeforeAdmission('退院日');
      if (body.dischargedOn > todayInJapan())
        throw badRequest(
          'discharge_in_future',
          '退院日は今日までの日付を入力してください。退院予定日は「退院見込み」で登録します。',
        );
      const next = await transferTarget(tx, episode, body);
      await tx
        .update(admissionEpisodes)
        .set({ dischargedOn: body.dischargedOn, outcome: body.outcome })
        .where(eq(admissionEpisodes.id, episodeId));
      await markMissed(tx, episodeId, body.dischargedOn);
      if (body.outcome === 'death') await markNotNeeded(tx, episodeId, 'discharge_info');
      else
        await dueIfPending(
          tx,
          episodeId,
          'discharge_info',
          addRuleDays(body.dischargedOn, rule.dischargeInfoDays, rule),
        );
      if (next) {
        transferredTo = await insertEpisode(tx, {
          teamId: episode.teamId,
          patientId: patient.id,
          hospital: next,
          careOffice: await careOfficeOfTeam(tx, episode.teamId),
          admittedOn: body.dischargedOn,
          ward: null,
          needsConference: episode.needsConference,
          notes: episode.notes,
          transferredFromId: episode.id,
          openedBy: actor.user.id,
        });
        await handOnSheet(
          tx,
          { episodeId: episode.id },
          { episodeId: transferredTo, hospitalName: next.name, admittedOn: body.dischargedOn },
          actor.user.id,
        );
      }
    },
  );
  if (transferredTo) await tellEpisode(request, view.teamId, transferredTo);
  return view;
}

async function transferTarget(tx: Tx, episode: EpisodeRow, body: DischargeRequest) {
  if (body.outcome !== 'transfer') return null;
  if (!body.transferHospitalPointId)
    throw badRequest('transfer_hospital_missing', '転院先の病院を選んでください。', [
      { path: 'transferHospitalPointId', message: '転院先の病院を選んでください。' },
    ]);
  if (body.transferHospitalPointId === episode.hospitalPointId)
    throw badRequest('transfer_same_hospital', '転院先には、いまの病院とは別の病院を選んでください。');
  return hospitalPoint(tx, body.transferHospitalPointId);
}

/**
 * The hospital's steps before discharge still open when the patient leaves were missed: off the
 * lists (nothing can be done on time any more), counted as not done, still recordable late.
 */
async function markMissed(tx: Tx, episodeId: string, dischargedOn: string): Promise<void> {
  await tx
    .update(admissionEpisodeSteps)
    .set({ status: 'missed', dueOn: sql`coalesce(${admissionEpisodeSteps.dueOn}, ${dischargedOn})` })
    .where(
      and(
        eq(admissionEpisodeSteps.episodeId, episodeId),
        inArray(admissionEpisodeSteps.step, ['discharge_notice', 'conference']),
        eq(admissionEpisodeSteps.status, 'pending'),
      ),
    );
}

async function markNotNeeded(tx: Tx, episodeId: string, step: EpisodeStep): Promise<void> {
  await tx
    .update(admissionEpisodeSteps)
    .set({ status: 'not_needed' })
    .where(
      and(
        eq(admissionEpisodeSteps.episodeId, episodeId),
        eq(admissionEpisodeSteps.step, step),
        eq(admissionEpisodeSteps.status, 'pending'),
      ),
    );
}
