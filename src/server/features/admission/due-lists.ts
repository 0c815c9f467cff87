// What is due: a professional's overdue and due-soon steps (those their organisation owns, in episodes
// they may see — with the patient's name, audited), and the center's view of the city — overdue steps
// and the on-time rate per step, organisation and month — with no patient in it: the center follows up
// with the hospital or the office, not with the person's record.
import { and, asc, eq, gte, inArray, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { addCalendarDays, todayInJapan } from '../../../shared/dates';
import {
  type CenterOverdue,
  DUE_SOON_DAYS,
  type DueStepItem,
  type EpisodeStep,
  type OpenEpisodeItem,
  type OwnerSide,
  type Performance,
  type performanceQuery,
} from '../../../shared/schemas/admission-episodes';
import { type Database, type DbOrTx, preparedOnce } from '../../db/client';
import {
  admissionEpisodeSteps,
  admissionEpisodes,
  memberships,
  patients,
  servicePoints,
} from '../../db/schema';
import { requireActor } from '../../platform/access';
import { atEpisodeHospital, auditListShown, visibleEpisodesOf } from '../../platform/patient-access';

/** Most items the center's list shows: its total says how many more. */
export const CENTER_LIST_LIMIT = 100;
/**
 * Most items a professional's lists show (their home page): enough for a day's work, and each item
 * is checked against the access rules, so the list stops there and says that there are more.
 */
export const MY_LIST_LIMIT = 30;

const pending = eq(admissionEpisodeSteps.status, 'pending');
const hospitalPoint = alias(servicePoints, 'hospital_point');
const careOfficePoint = alias(servicePoints, 'care_office_point');

/** The episodes still in hospital that the actor may see, at their hospital or in their teams. */
export async function myOpenEpisodes(
  request: FastifyRequest,
): Promise<{ items: OpenEpisodeItem[]; more: boolean }> {
  const userId = requireActor(request).user.id;
  const db = request.server.db;
  const found = await db
    .select({
      episodeId: admissionEpisodes.id,
      patientName: patients.name,
      hospitalName: hospitalPoint.name,
      admittedOn: admissionEpisodes.admittedOn,
      expectedDischargeOn: admissionEpisodes.expectedDischargeOn,
      atHospital: sql<boolean>`${atEpisodeHospital(userId)}`,
    })
    .from(admissionEpisodes)
    .innerJoin(patients, eq(patients.id, admissionEpisodes.patientId))
    .innerJoin(hospitalPoint, eq(hospitalPoint.id, admissionEpisodes.hospitalPointId))
    .where(and(isNull(admissionEpisodes.dischargedOn), visibleEpisodesOf(userId)))
    .orderBy(asc(admissionEpisodes.admittedOn))
    .limit(MY_LIST_LIMIT + 1);
  const rows = found.slice(0, MY_LIST_LIMIT);
  await auditShown(request, rows);
  return { items: rows, more: found.length > MY_LIST_LIMIT };
}

/** One audit record of the episodes a list showed (none when it showed nothing). */
async function auditShown(request: FastifyRequest, rows: { episodeId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await auditListShown(request, 'episode.due_list', [...new Set(rows.map((row) => row.episodeId))]);
}

/**
 * The pending steps the user's organisations owe, due by `dueBy`, in episodes the user may see. Every
 * professional's home page and header ask it: prepared once, planned once.
 */
const dueStepsQuery = preparedOnce((db: Database) => {
  const userId = sql.placeholder('userId');
  return db
    .select({
      episodeId: admissionEpisodes.id,
      step: admissionEpisodeSteps.step,
      dueOn: admissionEpisodeSteps.dueOn,
      patientName: patients.name,
      hospitalName: hospitalPoint.name,
    })
    .from(admissionEpisodeSteps)
    .innerJoin(admissionEpisodes, eq(admissionEpisodes.id, admissionEpisodeSteps.episodeId))
    .innerJoin(patients, eq(patients.id, admissionEpisodes.patientId))
    .innerJoin(hospitalPoint, eq(hospitalPoint.id, admissionEpisodes.hospitalPointId))
    .where(
      and(
        pending,
        inArray(
          admissionEpisodeSteps.ownerOrganisationId,
          db
            .select({ id: memberships.organisationId })
            .from(memberships)
            .where(eq(memberships.userId, userId)),
        ),
        lte(admissionEpisodeSteps.dueOn, sql.placeholder('dueBy')),
        visibleEpisodesOf(userId, sql.placeholder('today')),
      ),
    )
    .orderBy(asc(admissionEpisodeSteps.dueOn))
    .limit(MY_LIST_LIMIT + 1)
    .prepare('tsunagu_admission_due_steps');
});

/** The actor's pending steps due by DUE_SOON_DAYS from today, overdue first. */
export async function myDueSteps(request: FastifyRequest): Promise<{ items: DueStepItem[]; more: boolean }> {
  const userId = requireActor(request).user.id;
  const today = todayInJapan();
  const found = await dueStepsQuery(request.server.db).execute({
    userId,
    today,
    dueBy: addCalendarDays(today, DUE_SOON_DAYS),
  });
  const rows = found.slice(0, MY_LIST_LIMIT);
  await auditShown(request, rows);
  return {
    more: found.length > MY_LIST_LIMIT,
    items: rows.map((row) => ({
      ...row,
      step: row.step as EpisodeStep,
      dueOn: row.dueOn ?? '',
      timing: (row.dueOn ?? '') < today ? 'overdue' : 'due_soon',
    })),
  };
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Every overdue step of the city, the longest overdue first, without patients. */
export async function centerOverdue(db: DbOrTx): Promise<CenterOverdue> {
  const today = todayInJapan();
  const where = and(pending, lt(admissionEpisodeSteps.dueOn, today));
  const [rows, [count]] = await Promise.all([
    db
      .select({
        stepId: admissionEpisodeSteps.id,
        step: admissionEpisodeSteps.step,
        ownerSide: admissionEpisodeSteps.ownerSide,
        dueOn: admissionEpisodeSteps.dueOn,
        hospitalName: hospitalPoint.name,
        careOfficeName: careOfficePoint.name,
        admittedOn: admissionEpisodes.admittedOn,
      })
      .from(admissionEpisodeSteps)
      .innerJoin(admissionEpisodes, eq(admissionEpisodes.id, admissionEpisodeSteps.episodeId))
      .innerJoin(hospitalPoint, eq(hospitalPoint.id, admissionEpisodes.hospitalPointId))
      .leftJoin(careOfficePoint, eq(careOfficePoint.id, admissionEpisodes.careOfficePointId))
      .where(where)
      .orderBy(asc(admissionEpisodeSteps.dueOn))
      .limit(CENTER_LIST_LIMIT),
    db.select({ n: sql<number>`count(*)::int` }).from(admissionEpisodeSteps).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      ...row,
      step: row.step as EpisodeStep,
      ownerSide: row.ownerSide as OwnerSide,
      dueOn: row.dueOn ?? '',
      daysOverdue: daysBetween(row.dueOn ?? today, today),
    })),
    total: count?.n ?? 0,
  };
}

/** The month `n` months before the date's, as YYYY-MM. */
function monthsBefore(date: string, n: number): string {
  const [year, month] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1 - n, 1)).toISOString().slice(0, 7);
}

/**
 * The on-time rate by month of the due date, step and owner (the hospital or the office, named as in
 * the directory): due, done on time, done late, and still open past the date. Twelve months back by
 * default.
 */
export async function rulePerformance(
  db: DbOrTx,
  query: z.infer<typeof performanceQuery>,
): Promise<Performance> {
  const today = todayInJapan();
  const from = query.from ?? monthsBefore(today, 11);
  const to = query.to ?? today.slice(0, 7);
  const month = sql<string>`substr(${admissionEpisodeSteps.dueOn}, 1, 7)`;
  const owner = sql<string>`CASE WHEN ${admissionEpisodeSteps.ownerSide} = 'hospital' THEN ${hospitalPoint.name}
    ELSE coalesce(${careOfficePoint.name}, '（事業所の登録なし）') END`;
  const done = sql`${admissionEpisodeSteps.status} = 'done'`;
  const counted = (condition: SQL) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;
  const rows = await db
    .select({
      month,
      step: admissionEpisodeSteps.step,
      organisationName: owner,
      due: sql<number>`count(*)::int`,
      onTime: counted(sql`${done} AND ${admissionEpisodeSteps.doneOn} <= ${admissionEpisodeSteps.dueOn}`),
      late: counted(sql`${done} AND ${admissionEpisodeSteps.doneOn} > ${admissionEpisodeSteps.dueOn}`),
      overdue: counted(
        sql`(${admissionEpisodeSteps.status} = 'pending' AND ${admissionEpisodeSteps.dueOn} < ${today})
          OR ${admissionEpisodeSteps.status} = 'missed'`,
      ),
    })
    .from(admissionEpisodeSteps)
    .innerJoin(admissionEpisodes, eq(admissionEpisodes.id, admissionEpisodeSteps.episodeId))
    .innerJoin(hospitalPoint, eq(hospitalPoint.id, admissionEpisodes.hospitalPointId))
    .leftJoin(careOfficePoint, eq(careOfficePoint.id, admissionEpisodes.careOfficePointId))
    .where(
      and(
        sql`${admissionEpisodeSteps.status} <> 'not_needed'`,
        gte(admissionEpisodeSteps.dueOn, `${from}-01`),
        lte(admissionEpisodeSteps.dueOn, `${to}-31`),
        // A step not yet due counts only once it is done.
        sql`(${admissionEpisodeSteps.dueOn} < ${today} OR ${admissionEpisodeSteps.status} IN ('done', 'missed'))`,
      ),
    )
    .groupBy(month, admissionEpisodeSteps.step, owner)
    .orderBy(sql`1 DESC`, sql`2`, sql`3`);
  return { rows: rows.map((row) => ({ ...row, step: row.step as EpisodeStep })) };
}
