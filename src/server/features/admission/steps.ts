// The steps of an episode as they are done: recorded with the date, the method (FAX, phone, post, by
// hand, in person — a hospital without an account still takes part) and the person on the other side;
// the admission information acknowledged by the hospital's window; the conference scheduled and then
// recorded with who took part and what was agreed. A step is done once: a second record is a 409.
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { addCalendarDays, todayInJapan } from '../../../shared/dates';
import type {
  ConferenceScheduleRequest,
  EpisodeStep,
  StepRecordRequest,
} from '../../../shared/schemas/admission-episodes';
import type { Tx } from '../../db/client';
import { admissionEpisodeSteps } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { badRequest, conflict, forbidden } from '../../platform/errors';
import { receiveSentSheet } from './documents';
import { changeEpisode } from './episodes';

type StepRow = typeof admissionEpisodeSteps.$inferSelect;

/** How long before a planned admission the admission information may be given (and recorded). */
const EARLY_INFO_DAYS = 30;

const stepWhere = (episodeId: string, step: EpisodeStep) =>
  and(eq(admissionEpisodeSteps.episodeId, episodeId), eq(admissionEpisodeSteps.step, step));

/** The step, locked, at the version read (409 when someone changed it meanwhile). */
async function lockStep(
  tx: Tx,
  episodeId: string,
  step: EpisodeStep,
  version: number | null,
): Promise<StepRow> {
  const [row] = await tx.select().from(admissionEpisodeSteps).where(stepWhere(episodeId, step)).for('update');
  if (!row) throw new Error(`episode ${episodeId} has no step ${step}`);
  if (version !== null && row.version !== version)
    throw conflict(
      'step_stale',
      'この間に別の方がこの手順を記録しました。画面を読み込み直し、最新の内容を確かめてください。',
    );
  return row;
}

const alreadyDone = () =>
  conflict('step_already_done', 'この手順はすでに記録されています。画面を読み込み直してください。');

async function updateStep(tx: Tx, row: StepRow, values: Partial<StepRow>): Promise<void> {
  await tx
    .update(admissionEpisodeSteps)
    .set({ ...values, version: row.version + 1 })
    .where(eq(admissionEpisodeSteps.id, row.id));
}

/** Records a step as done (by whoever may see the episode: the record says who and how). */
export function recordStep(
  request: FastifyRequest,
  episodeId: string,
  step: EpisodeStep,
  body: StepRecordRequest,
) {
  const actor = requireActor(request);
  return changeEpisode(
    request,
    episodeId,
    'episode.step',
    null,
    { step, doneOn: body.doneOn, method: body.method },
    async (tx, { episode }) => {
      const row = await lockStep(tx, episodeId, step, body.version);
      if (row.status === 'done') throw alreadyDone();
      if (row.status === 'not_needed')
        throw badRequest('step_not_needed', 'この入院では、この手順は不要とされています。');
      // The admission information may be given before a planned admission; the rest follow it.
      const earliest =
        step === 'admission_info'
          ? addCalendarDays(episode.admittedOn, -EARLY_INFO_DAYS)
          : episode.admittedOn;
      if (body.doneOn < earliest) {
        const message =
          step === 'admission_info'
            ? `実施日は、入院日の${EARLY_INFO_DAYS}日前以降の日付を入力してください。`
            : '実施日は、入院日以降の日付を入力してください。';
        throw badRequest('done_before_admission', message, [{ path: 'doneOn', message }]);
      }
      if (body.doneOn > todayInJapan())
        throw badRequest('done_in_future', '実施日は今日までの日付を入力してください。', [
          { path: 'doneOn', message: '実施日は今日までの日付を入力してください。' },
        ]);
      await updateStep(tx, row, {
        status: 'done',
        doneOn: body.doneOn,
        method: body.method,
        counterpart: body.counterpart ?? null,
        notes: body.notes ?? null,
        participants: step === 'conference' ? (body.participants ?? row.participants) : null,
        minutes: step === 'conference' ? (body.minutes ?? null) : null,
        recordedBy: actor.user.id,
        recordedAt: new Date(),
      });
    },
  );
}

/** The hospital's window acknowledges the admission information (受け取りました). */
export function acknowledgeReceipt(request: FastifyRequest, episodeId: string) {
  const actor = requireActor(request);
  return changeEpisode(request, episodeId, 'episode.receipt', null, {}, async (tx, { atHospital }) => {
    if (!atHospital)
      throw forbidden('受け取りを記録できるのは、入院先の病院の方だけです。', 'not_at_hospital');
    const row = await lockStep(tx, episodeId, 'admission_info', null);
    if (row.status !== 'done')
      throw badRequest('not_yet_provided', '入院時情報提供がまだ記録されていません。');
    if (row.receivedAt) throw conflict('already_received', 'すでに受け取りが記録されています。');
    await updateStep(tx, row, { receivedAt: new Date(), receivedBy: actor.user.id });
    await receiveSentSheet(tx, episodeId, actor.user.id);
  });
}

/** Sets (or moves) the date of the pre-discharge conference and who is to take part. */
export function scheduleConference(
  request: FastifyRequest,
  episodeId: string,
  body: ConferenceScheduleRequest,
) {
  return changeEpisode(
    request,
    episodeId,
    'episode.update',
    null,
    { conferenceAt: body.scheduledAt },
    async (tx, { episode }) => {
      const row = await lockStep(tx, episodeId, 'conference', body.version);
      if (row.status !== 'pending')
        throw badRequest(
          'conference_not_pending',
          row.status === 'done'
            ? 'カンファレンスはすでに記録されています。'
            : 'この入院では退院前カンファレンスは不要とされています。退院見込みの画面で「必要」にしてください。',
        );
      if (episode.dischargedOn)
        throw conflict(
          'already_discharged',
          'この入院は、すでに退院が記録されています。画面を読み込み直してください。',
        );
      await updateStep(tx, row, {
        scheduledAt: new Date(body.scheduledAt),
        participants: body.participants ?? null,
      });
    },
  );
}
