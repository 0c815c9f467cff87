// Scheduling the care-team meeting (サービス担当者会議 日程調整): the owner proposes dates, members
// answer ○/△/× per date, the owner fixes one. Starting and fixing are posted on the timeline; a fixed
// meeting downloads as iCalendar for the members' own calendars — without the patient's name, since
// the file leaves the app (the title is the owner's; the form asks for no names).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import ical from 'ical-generator';
import type { z } from 'zod';
import { formatDateTime, formatTime } from '../../../shared/dates';
import type { Meeting, MeetingAnswer, meetingCreateRequest } from '../../../shared/schemas/meetings';
import type { PollItem } from '../../../shared/schemas/teams';
import type { DbOrTx } from '../../db/client';
import {
  careTeamMembers,
  careTeams,
  teamMeetingAnswers,
  teamMeetingOptions,
  teamMeetings,
  users,
} from '../../db/schema';
import { requireActor } from '../../platform/access';
import { publicBaseUrl } from '../../platform/base-url';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { openTeam, type TeamAccess } from '../../platform/patient-access';
import { tellTeam } from './live';
import { addPost } from './posts';
import { requireOpen, requireOwner } from './teams';

const meetingNotFound = () =>
  notFound('この日程調整は見つかりません。画面を読み込み直してください。', 'meeting_not_found');

/** The team's meetings, newest first, with every answer and who has not answered. */
async function meetingsOf(db: DbOrTx, teamId: string, onlyId?: string): Promise<Meeting[]> {
  const meetings = await db
    .select({ meeting: teamMeetings, createdBy: users.displayName })
    .from(teamMeetings)
    .innerJoin(users, eq(users.id, teamMeetings.createdBy))
    .where(and(eq(teamMeetings.teamId, teamId), onlyId ? eq(teamMeetings.id, onlyId) : undefined))
    .orderBy(desc(teamMeetings.createdAt));
  if (meetings.length === 0) return [];
  const ids = meetings.map((m) => m.meeting.id);
  const options = await db
    .select()
    .from(teamMeetingOptions)
    .where(inArray(teamMeetingOptions.meetingId, ids))
    .orderBy(asc(teamMeetingOptions.startsAt));
  const answers = options.length
    ? await db
        .select({
          optionId: teamMeetingAnswers.optionId,
          userId: users.id,
          displayName: users.displayName,
          answer: teamMeetingAnswers.answer,
        })
        .from(teamMeetingAnswers)
        .innerJoin(users, eq(users.id, teamMeetingAnswers.userId))
        .where(
          inArray(
            teamMeetingAnswers.optionId,
            options.map((o) => o.id),
          ),
        )
    : [];
  const members = await db
    .select({ userId: users.id, displayName: users.displayName })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.userId))
    .where(and(eq(careTeamMembers.teamId, teamId), eq(careTeamMembers.status, 'active')));
  return meetings.map(({ meeting, createdBy }) => {
    const own = options.filter((o) => o.meetingId === meeting.id);
    const ownAnswers = answers.filter((a) => own.some((o) => o.id === a.optionId));
    const answered = new Set(ownAnswers.map((a) => a.userId));
    return {
      id: meeting.id,
      title: meeting.title,
      place: meeting.place,
      status: meeting.status as Meeting['status'],
      createdBy,
      createdAt: meeting.createdAt.toISOString(),
      fixedOptionId: meeting.fixedOptionId,
      options: own.map((o) => ({
        id: o.id,
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
        answers: ownAnswers
          .filter((a) => a.optionId === o.id)
          .map((a) => ({ userId: a.userId, displayName: a.displayName, answer: a.answer as MeetingAnswer })),
      })),
      waiting: meeting.status === 'polling' ? members.filter((m) => !answered.has(m.userId)) : [],
    };
  });
}

export async function listMeetings(request: FastifyRequest, teamId: string): Promise<{ items: Meeting[] }> {
  await openTeam(request, teamId, 'meeting.list');
  return { items: await meetingsOf(request.server.db, teamId) };
}

const when = (o: { startsAt: Date | string; endsAt: Date | string }) =>
  `${formatDateTime(o.startsAt)}〜${formatTime(o.endsAt)}`;

/** The owner proposes dates; the start is posted on the timeline. */
export async function createMeeting(
  request: FastifyRequest,
  teamId: string,
  body: z.infer<typeof meetingCreateRequest>,
): Promise<Meeting> {
  const actor = requireActor(request);
  if (body.options.some((o) => Date.parse(o.startsAt) <= Date.now()))
    throw badRequest('option_in_past', '過ぎた日時は候補にできません。これからの日時を入れてください。');
  const { meeting, postId } = await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'meeting.create', { db: tx });
    requireOwner(request, access);
    requireOpen(access);
    const [row] = await tx
      .insert(teamMeetings)
      .values({ teamId, title: body.title, place: body.place || null, createdBy: actor.user.id })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(teamMeetingOptions).values(
      body.options.map((o) => ({
        meetingId: row.id,
        startsAt: new Date(o.startsAt),
        endsAt: new Date(o.endsAt),
      })),
    );
    const postId = await addPost(tx, access, {
      body: `「${body.title}」の日程調整を始めました。チームの「担当者会議」で、候補の日時に○・△・×で答えてください。\n${body.options.map((o) => `・${when(o)}`).join('\n')}`,
    });
    return { meeting: (await meetingsOf(tx, teamId, row.id))[0] as Meeting, postId };
  });
  await tellTeam(request, teamId, { type: 'post', teamId, postId });
  return meeting;
}

/** The meeting of the team, still polling, locked for the change. */
async function pollingMeeting(tx: DbOrTx, access: TeamAccess, meetingId: string) {
  const [meeting] = await tx
    .select()
    .from(teamMeetings)
    .where(and(eq(teamMeetings.id, meetingId), eq(teamMeetings.teamId, access.team.id)))
    .for('update');
  if (!meeting) throw meetingNotFound();
  if (meeting.status !== 'polling') throw conflict('meeting_fixed', 'この会議の日時はすでに決まっています。');
  const options = await tx
    .select()
    .from(teamMeetingOptions)
    .where(eq(teamMeetingOptions.meetingId, meetingId));
  return { meeting, options };
}

/** A member answers ○/△/× for some or all dates (answering again replaces the answer). */
export async function answerMeeting(
  request: FastifyRequest,
  teamId: string,
  meetingId: string,
  answers: { optionId: string; answer: MeetingAnswer }[],
): Promise<Meeting> {
  const actor = requireActor(request);
  const meeting = await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'meeting.answer', { db: tx, details: { meetingId } });
    requireOpen(access);
    const { options } = await pollingMeeting(tx, access, meetingId);
    const known = new Set(options.map((o) => o.id));
    if (answers.some((a) => !known.has(a.optionId)))
      throw badRequest(
        'unknown_option',
        'この日程調整にない候補への回答が含まれています。画面を読み込み直してください。',
      );
    const now = new Date();
    await tx
      .insert(teamMeetingAnswers)
      .values(
        answers.map((a) => ({
          optionId: a.optionId,
          userId: actor.user.id,
          answer: a.answer,
          answeredAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [teamMeetingAnswers.optionId, teamMeetingAnswers.userId],
        set: { answer: sql`excluded.answer`, answeredAt: now },
      });
    return (await meetingsOf(tx, teamId, meetingId))[0] as Meeting;
  });
  await tellTeam(request, teamId, { type: 'meeting', teamId });
  return meeting;
}

/** The owner fixes one of the dates; it is posted on the timeline. */
export async function fixMeeting(
  request: FastifyRequest,
  teamId: string,
  meetingId: string,
  optionId: string,
): Promise<Meeting> {
  const { meeting, postId } = await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'meeting.fix', {
      db: tx,
      details: { meetingId, optionId },
    });
    requireOwner(request, access);
    requireOpen(access);
    const { meeting, options } = await pollingMeeting(tx, access, meetingId);
    const option = options.find((o) => o.id === optionId);
    if (!option)
      throw badRequest('unknown_option', 'この日程調整にない候補です。画面を読み込み直してください。');
    await tx
      .update(teamMeetings)
      .set({ status: 'fixed', fixedOptionId: optionId, fixedAt: new Date() })
      .where(eq(teamMeetings.id, meetingId));
    const postId = await addPost(tx, access, {
      body: `「${meeting.title}」は ${when(option)} に決まりました。${meeting.place ? `場所: ${meeting.place}` : ''}`.trim(),
    });
    return { meeting: (await meetingsOf(tx, teamId, meetingId))[0] as Meeting, postId };
  });
  await tellTeam(request, teamId, { type: 'post', teamId, postId });
  return meeting;
}

/** The fixed meeting as an iCalendar file (no patient name: see the top of this file). */
export async function meetingCalendar(
  request: FastifyRequest,
  teamId: string,
  meetingId: string,
): Promise<string> {
  await openTeam(request, teamId, 'meeting.calendar', { details: { meetingId } });
  const [meeting] = await meetingsOf(request.server.db, teamId, meetingId);
  if (!meeting) throw meetingNotFound();
  const option = meeting.options.find((o) => o.id === meeting.fixedOptionId);
  if (!option) throw conflict('meeting_not_fixed', 'この会議の日時はまだ決まっていません。');
  const calendar = ical({ name: 'つなぐ 担当者会議', prodId: { company: 'tsunagu', product: 'tsunagu' } });
  calendar.createEvent({
    id: `${meeting.id}@tsunagu`,
    start: new Date(option.startsAt),
    end: new Date(option.endsAt),
    summary: meeting.title,
    location: meeting.place ?? undefined,
    url: `${publicBaseUrl(request)}/teams/${teamId}`,
  });
  return calendar.toString();
}

/** Polling meetings of these teams (the actor's open ones) that the actor has not answered (the home page). */
export async function pollsWaitingFor(db: DbOrTx, me: string, teamIds: string[]): Promise<PollItem[]> {
  if (teamIds.length === 0) return [];
  return db
    .select({
      teamId: careTeams.id,
      teamName: careTeams.name,
      meetingId: teamMeetings.id,
      title: teamMeetings.title,
    })
    .from(teamMeetings)
    .innerJoin(careTeams, eq(careTeams.id, teamMeetings.teamId))
    .where(
      and(
        inArray(teamMeetings.teamId, teamIds),
        eq(teamMeetings.status, 'polling'),
        sql`NOT EXISTS (SELECT 1 FROM team_meeting_answers a JOIN team_meeting_options o ON o.id = a.option_id
          WHERE o.meeting_id = ${teamMeetings.id} AND a.user_id = ${me})`,
      ),
    )
    .orderBy(desc(teamMeetings.createdAt))
    .limit(20);
}
