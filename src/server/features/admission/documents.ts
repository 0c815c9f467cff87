// The forms of an episode: 入院時情報提供書 (the care manager's, sent to the hospital's window, which
// acknowledges it — the receipt closes the step) and 退院・退所情報記録書 (filled by either side and
// confirmed, which records the step). Saved as revisions: a draft changes in place; after it was sent
// or confirmed a change is the next revision, and the receiver sees which fields changed. Values are
// checked against the form's definition; everything goes through openEpisode, which audits.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { todayInJapan } from '../../../shared/dates';
import type { FormDefinition, FormValues } from '../../../shared/forms/definition';
import { formValuesSchema } from '../../../shared/forms/values';
import type {
  DocumentRevision,
  DocumentSaveRequest,
  DocumentView,
} from '../../../shared/schemas/admission-documents';
import type { EpisodeStep } from '../../../shared/schemas/admission-episodes';
import type { DbOrTx, Tx } from '../../db/client';
import { admissionDocuments, admissionEpisodeSteps } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { badRequest, conflict, forbidden } from '../../platform/errors';
import { type EpisodeAccess, openEpisode, type PatientAuditAction } from '../../platform/patient-access';
import { pointRef } from './episodes';
import { definitionAt, latestDefinition } from './forms';
import { nameOfUser, tellEpisode } from './live';
import { prefillOf } from './prefill';

type FormId = FormDefinition['id'];
type DocumentRow = typeof admissionDocuments.$inferSelect;

/** The step a form's sending (or confirming) records. */
const stepOfForm: Record<FormId, EpisodeStep> = {
  admission_info_sheet: 'admission_info',
  discharge_info_record: 'discharge_info',
};

async function revisionsOf(db: DbOrTx, episodeId: string, formId: FormId): Promise<DocumentRevision[]> {
  const rows = await db
    .select({
      row: admissionDocuments,
      savedBy: nameOfUser(admissionDocuments.savedBy),
      sentBy: nameOfUser(admissionDocuments.sentBy),
      receivedBy: nameOfUser(admissionDocuments.receivedBy),
    })
    .from(admissionDocuments)
    .where(and(eq(admissionDocuments.episodeId, episodeId), eq(admissionDocuments.formId, formId)))
    .orderBy(desc(admissionDocuments.revision));
  return rows.map(({ row, savedBy, sentBy, receivedBy }) => ({
    revision: row.revision,
    formVersion: row.formVersion,
    values: row.values as FormValues,
    savedAt: row.savedAt.toISOString(),
    savedBy: savedBy ?? '',
    sentAt: row.sentAt?.toISOString() ?? null,
    sentBy,
    receivedAt: row.receivedAt?.toISOString() ?? null,
    receivedBy,
    version: row.version,
  }));
}

const hospitalOnPlatform = async (db: DbOrTx, hospitalPointId: string) =>
  (await pointRef(db, hospitalPointId))?.onPlatform ?? false;

/** The admission sheet is the care manager's: the hospital reads and acknowledges it. */
const mayEditForm = (formId: FormId, access: EpisodeAccess) =>
  formId !== 'admission_info_sheet' || !access.atHospital;

const changedKeys = (a: FormValues, b: FormValues): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null),
  );

async function viewOf(db: DbOrTx, access: EpisodeAccess, formId: FormId): Promise<DocumentView> {
  const { episode } = access;
  const [revisions, latest, onPlatform] = await Promise.all([
    revisionsOf(db, episode.id, formId),
    latestDefinition(db, formId),
    hospitalOnPlatform(db, episode.hospitalPointId),
  ]);
  const current = revisions[0] ?? null;
  const definition =
    current && current.formVersion !== latest.version
      ? await definitionAt(db, formId, current.formVersion)
      : latest;
  const prefill = await prefillOf(db, latest, episode);
  const received = revisions.find((revision) => revision.receivedAt) ?? null;
  const differs = current && received && received.revision !== current.revision ? received : null;
  return {
    formId,
    formVersion: definition.version,
    definition,
    latest,
    prefill,
    current,
    received: differs,
    changedSinceReceived: differs && current ? changedKeys(differs.values, current.values) : [],
    revisions: revisions.map(({ values: _values, ...rest }) => rest),
    mayEdit: mayEditForm(formId, access),
    atHospital: access.atHospital,
    hospitalOnPlatform: onPlatform,
  };
}

export async function readDocument(request: FastifyRequest, episodeId: string, formId: FormId) {
  const access = await openEpisode(request, episodeId, 'document.read', { details: { formId } });
  return viewOf(request.server.db, access, formId);
}

const staleDocument = () =>
  conflict(
    'document_stale',
    'この間に別の方がこの書類を保存しました。画面を読み込み直し、最新の内容を確かめてから保存してください。',
  );

/** The latest revision, locked, checked against the revision and version the writer read. */
async function lockLatest(tx: Tx, episodeId: string, formId: FormId): Promise<DocumentRow | null> {
  const [row] = await tx
    .select()
    .from(admissionDocuments)
    .where(and(eq(admissionDocuments.episodeId, episodeId), eq(admissionDocuments.formId, formId)))
    .orderBy(desc(admissionDocuments.revision))
    .limit(1)
    .for('update');
  return row ?? null;
}

/**
 * A change of the episode's document in one transaction (the episode row locked, audited as
 * `action`); the team and the hospital are told; the document after it.
 */
async function changeDocument(
  request: FastifyRequest,
  episodeId: string,
  formId: FormId,
  action: PatientAuditAction,
  change: (tx: Tx, access: EpisodeAccess, latest: DocumentRow | null) => Promise<void>,
): Promise<DocumentView> {
  const access = await request.server.db.transaction(async (tx) => {
    const opened = await openEpisode(request, episodeId, action, {
      db: tx,
      forUpdate: true,
      details: { formId },
    });
    await change(tx, opened, await lockLatest(tx, episodeId, formId));
    return opened;
  });
  await tellEpisode(request, access.episode.teamId, episodeId);
  return viewOf(request.server.db, access, formId);
}

/** The values, checked against the definition (400 naming the field when one is wrong). */
function checkedValues(definition: FormDefinition, values: unknown): FormValues {
  const parsed = formValuesSchema(definition).safeParse(values);
  if (!parsed.success)
    throw badRequest(
      'document_invalid',
      parsed.error.issues[0]?.message ?? '入力内容を確かめてください。',
      parsed.error.issues.map((issue) => ({
        path: ['values', ...issue.path].join('.'),
        message: issue.message,
      })),
    );
  return parsed.data as FormValues;
}

/** Saves the form: the draft in place, or — after it was sent or confirmed — as the next revision. */
export function saveDocument(
  request: FastifyRequest,
  episodeId: string,
  formId: FormId,
  body: DocumentSaveRequest,
) {
  const userId = requireActor(request).user.id;
  return changeDocument(request, episodeId, formId, 'document.save', async (tx, access, latest) => {
    if (!mayEditForm(formId, access))
      throw forbidden(
        '入院時情報提供書を書けるのは、ケアマネジャーの側です。受け取りの記録をしてください。',
        'not_document_editor',
      );
    // Written and checked against the form's latest definition.
    const definition = await latestDefinition(tx, formId);
    const values = checkedValues(definition, body.values);
    if ((latest?.revision ?? null) !== body.revision || (latest?.version ?? null) !== body.version)
      throw staleDocument();
    if (latest && !latest.sentAt) {
      await tx
        .update(admissionDocuments)
        .set({
          values,
          formVersion: definition.version,
          savedBy: userId,
          savedAt: new Date(),
          version: latest.version + 1,
        })
        .where(eq(admissionDocuments.id, latest.id));
      return;
    }
    await tx.insert(admissionDocuments).values({
      episodeId,
      formId,
      formVersion: definition.version,
      revision: (latest?.revision ?? 0) + 1,
      values,
      savedBy: userId,
    });
  });
}

/** The revision named must be the latest one, saved and not yet sent. */
function sendable(latest: DocumentRow | null, revision: number): DocumentRow {
  if (!latest || latest.revision !== revision) throw staleDocument();
  if (latest.sentAt)
    throw conflict('document_already_sent', 'この版はすでに送られています（確定されています）。');
  return latest;
}

/**
 * Sends the admission sheet to the hospital's window (or confirms the discharge record): the step is
 * then done inside the platform, dated today. A hospital without accounts cannot receive it: 400,
 * saying to print it for FAX and record the step.
 */
export function sendDocument(request: FastifyRequest, episodeId: string, formId: FormId, revision: number) {
  const userId = requireActor(request).user.id;
  return changeDocument(request, episodeId, formId, 'document.send', async (tx, access, latest) => {
    if (!mayEditForm(formId, access))
      throw forbidden('入院時情報提供書を送るのは、ケアマネジャーの側です。', 'not_document_editor');
    const row = sendable(latest, revision);
    if (formId === 'admission_info_sheet' && !(await hospitalOnPlatform(tx, access.episode.hospitalPointId)))
      throw badRequest(
        'hospital_off_platform',
        'この病院はこのシステムを使っていないため、送れません。「FAX用に印刷」で印刷してFAXまたは持参し、手順に記録してください。',
      );
    await tx
      .update(admissionDocuments)
      .set({ sentAt: new Date(), sentBy: userId, version: row.version + 1 })
      .where(eq(admissionDocuments.id, row.id));
    await tx
      .update(admissionEpisodeSteps)
      .set({
        status: 'done',
        doneOn: todayInJapan(),
        method: 'platform',
        recordedBy: userId,
        recordedAt: new Date(),
        version: sql`${admissionEpisodeSteps.version} + 1`,
      })
      .where(
        and(
          eq(admissionEpisodeSteps.episodeId, episodeId),
          eq(admissionEpisodeSteps.step, stepOfForm[formId]),
          eq(admissionEpisodeSteps.status, 'pending'),
        ),
      );
  });
}

/** The hospital's window acknowledges the sent admission sheet; the receipt closes the step. */
export function receiveDocument(
  request: FastifyRequest,
  episodeId: string,
  formId: FormId,
  revision: number,
) {
  const userId = requireActor(request).user.id;
  return changeDocument(request, episodeId, formId, 'document.receive', async (tx, access, latest) => {
    if (formId !== 'admission_info_sheet' || !access.atHospital)
      throw forbidden('受け取りを記録できるのは、入院先の病院の方だけです。', 'not_at_hospital');
    if (!latest || latest.revision !== revision || !latest.sentAt) throw staleDocument();
    if (latest.receivedAt) throw conflict('already_received', 'すでに受け取りが記録されています。');
    const now = new Date();
    await tx
      .update(admissionDocuments)
      .set({ receivedAt: now, receivedBy: userId, version: latest.version + 1 })
      .where(eq(admissionDocuments.id, latest.id));
    await tx
      .update(admissionEpisodeSteps)
      .set({ receivedAt: now, receivedBy: userId, version: sql`${admissionEpisodeSteps.version} + 1` })
      .where(
        and(
          eq(admissionEpisodeSteps.episodeId, episodeId),
          eq(admissionEpisodeSteps.step, 'admission_info'),
          sql`${admissionEpisodeSteps.receivedAt} IS NULL`,
        ),
      );
  });
}
