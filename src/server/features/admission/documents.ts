// The forms of an episode: 入院時情報提供書 (the care manager's, sent to the hospital's window, which
// acknowledges it — the receipt closes the step) and 退院・退所情報記録書 (filled by either side and
// confirmed, which records the step). Saved as revisions: a draft changes in place; after it was sent
// or confirmed a change is the next revision, and the receiver sees which fields changed. Values are
// checked against the form's definition; everything goes through openEpisode, which audits.
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { todayInJapan } from '../../../shared/dates';
import type { AdmissionFormId, FormValues } from '../../../shared/forms/definition';
import { changedKeys } from '../../../shared/forms/values';
import type {
  DocumentRevision,
  DocumentRevisionRequest,
  DocumentSaveRequest,
  DocumentView,
} from '../../../shared/schemas/admission-documents';
import type { EpisodeStep } from '../../../shared/schemas/admission-episodes';
import { type DbOrTx, queryRows, type Tx } from '../../db/client';
import { admissionDocuments, admissionEpisodeSteps, careTeamMembers } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { badRequest, conflict, forbidden } from '../../platform/errors';
import { type EpisodeAccess, openEpisode, type PatientAuditAction } from '../../platform/patient-access';
import { definitionAt, latestDefinition } from './forms';
import { careManagerPlaceOf, nameOfUser, tellEpisode } from './live';
import { pointRef } from './participation';
import { checkedValues, prefillOf } from './prefill';

type FormId = AdmissionFormId;
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

/**
 * Whether the user writes for the care-management side: they hold the team's care-manager place, or
 * belong to the episode's care-management office. The admission sheet is theirs; the hospital only
 * receives it.
 */
async function onCareSide(db: DbOrTx, userId: string, episode: EpisodeAccess['episode']): Promise<boolean> {
  const [row] = await queryRows<{ yes: boolean }>(
    db,
    sql`SELECT (
      EXISTS (SELECT 1 FROM care_team_members WHERE ${careManagerPlaceOf(episode.teamId)}
        AND ${eq(careTeamMembers.userId, userId)})
      OR EXISTS (SELECT 1 FROM service_points sp JOIN memberships ms ON ms.organisation_id = sp.organisation_id
        WHERE sp.id = ${episode.careOfficePointId} AND ms.user_id = ${userId})) AS yes`,
  );
  return row?.yes ?? false;
}

/** Who the reader is for this form: the sheet's writer, its receiver (the hospital), or neither. */
type Role = { mayEdit: boolean; receiver: boolean };

async function roleFor(
  db: DbOrTx,
  request: FastifyRequest,
  formId: FormId,
  access: EpisodeAccess,
): Promise<Role> {
  if (formId !== 'admission_info_sheet') return { mayEdit: true, receiver: false };
  const careSide = await onCareSide(db, requireActor(request).user.id, access.episode);
  return { mayEdit: careSide, receiver: access.atHospital && !careSide };
}

async function viewOf(db: DbOrTx, access: EpisodeAccess, formId: FormId, role: Role): Promise<DocumentView> {
  const { episode } = access;
  const [all, latest, onPlatform] = await Promise.all([
    revisionsOf(db, episode.id, formId),
    latestDefinition(db, formId),
    hospitalOnPlatform(db, episode.hospitalPointId),
  ]);
  // The hospital sees what it was sent: no draft, and nothing of the record it was not given.
  const revisions = role.receiver ? all.filter((revision) => revision.sentAt) : all;
  const current = revisions[0] ?? null;
  const definition =
    current && current.formVersion !== latest.version
      ? await definitionAt(db, formId, current.formVersion)
      : latest;
  const prefill = role.mayEdit ? await prefillOf(db, latest, episode) : {};
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
    mayEdit: role.mayEdit,
    atHospital: role.receiver,
    hospitalOnPlatform: onPlatform,
  };
}

export async function readDocument(request: FastifyRequest, episodeId: string, formId: FormId) {
  const access = await openEpisode(request, episodeId, 'document.read', { details: { formId } });
  const db = request.server.db;
  return viewOf(db, access, formId, await roleFor(db, request, formId, access));
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
  change: (tx: Tx, access: EpisodeAccess, latest: DocumentRow | null, role: Role) => Promise<void>,
): Promise<DocumentView> {
  const { access, role } = await request.server.db.transaction(async (tx) => {
    const opened = await openEpisode(request, episodeId, action, {
      db: tx,
      forUpdate: true,
      details: { formId },
    });
    const role = await roleFor(tx, request, formId, opened);
    await change(tx, opened, await lockLatest(tx, episodeId, formId), role);
    return { access: opened, role };
  });
  await tellEpisode(request, access.episode.teamId, episodeId);
  return viewOf(request.server.db, access, formId, role);
}

/** Saves the form: the draft in place, or — after it was sent or confirmed — as the next revision. */
export function saveDocument(
  request: FastifyRequest,
  episodeId: string,
  formId: FormId,
  body: DocumentSaveRequest,
) {
  const userId = requireActor(request).user.id;
  return changeDocument(request, episodeId, formId, 'document.save', async (tx, _access, latest, role) => {
    if (!role.mayEdit)
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

/** The revision named (at the version read) must be the latest one, saved and not yet sent. */
function sendable(latest: DocumentRow | null, read: DocumentRevisionRequest): DocumentRow {
  if (!latest || latest.revision !== read.revision || latest.version !== read.version) throw staleDocument();
  if (latest.sentAt)
    throw conflict('document_already_sent', 'この版はすでに送られています（確定されています）。');
  return latest;
}

/**
 * Sends the admission sheet to the hospital's window (or confirms the discharge record): the step is
 * then done inside the platform, dated today. A hospital without accounts cannot receive it: 400,
 * saying to print it for FAX and record the step.
 */
export function sendDocument(
  request: FastifyRequest,
  episodeId: string,
  formId: FormId,
  read: DocumentRevisionRequest,
) {
  const userId = requireActor(request).user.id;
  return changeDocument(request, episodeId, formId, 'document.send', async (tx, access, latest, role) => {
    if (!role.mayEdit)
      throw forbidden('入院時情報提供書を送るのは、ケアマネジャーの側です。', 'not_document_editor');
    const row = sendable(latest, read);
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
  read: DocumentRevisionRequest,
) {
  const userId = requireActor(request).user.id;
  return changeDocument(
    request,
    episodeId,
    formId,
    'document.receive',
    async (tx, _access, _latest, role) => {
      if (!role.receiver)
        throw forbidden('受け取りを記録できるのは、入院先の病院の方だけです。', 'not_at_hospital');
      // The latest revision sent (a draft of a correction may follow it).
      const sent = await latestSent(tx, episodeId);
      if (!sent || sent.revision !== read.revision || sent.version !== read.version) throw staleDocument();
      if (sent.receivedAt) throw conflict('already_received', 'すでに受け取りが記録されています。');
      await markReceived(tx, episodeId, sent, userId);
    },
  );
}

/** The admission sheet's latest sent revision, locked. */
async function latestSent(tx: Tx, episodeId: string): Promise<DocumentRow | null> {
  const [row] = await tx
    .select()
    .from(admissionDocuments)
    .where(
      and(
        eq(admissionDocuments.episodeId, episodeId),
        eq(admissionDocuments.formId, 'admission_info_sheet'),
        isNotNull(admissionDocuments.sentAt),
      ),
    )
    .orderBy(desc(admissionDocuments.revision))
    .limit(1)
    .for('update');
  return row ?? null;
}

/** Records the receipt on the sent sheet and on the step (which it closes). */
async function markReceived(tx: Tx, episodeId: string, sent: DocumentRow, userId: string): Promise<void> {
  const now = new Date();
  await tx
    .update(admissionDocuments)
    .set({ receivedAt: now, receivedBy: userId, version: sent.version + 1 })
    .where(eq(admissionDocuments.id, sent.id));
  await tx
    .update(admissionEpisodeSteps)
    .set({ receivedAt: now, receivedBy: userId, version: sql`${admissionEpisodeSteps.version} + 1` })
    .where(
      and(
        eq(admissionEpisodeSteps.episodeId, episodeId),
        eq(admissionEpisodeSteps.step, 'admission_info'),
        isNull(admissionEpisodeSteps.receivedAt),
      ),
    );
}

/**
 * The hospital's receipt given on the episode's step: the sheet sent on the platform, if any and not
 * yet acknowledged, is received with it, so both places say the same.
 */
export async function receiveSentSheet(tx: Tx, episodeId: string, userId: string): Promise<void> {
  const sent = await latestSent(tx, episodeId);
  if (sent && !sent.receivedAt) await markReceived(tx, episodeId, sent, userId);
}

/**
 * A transfer hands the information on: the admission sheet last written for the stay that ends
 * becomes the draft of the next stay's sheet, with the next hospital and dates in it, for the care
 * manager to check and send. Nothing is sent by itself.
 */
export async function handOnSheet(
  tx: Tx,
  from: { episodeId: string },
  to: { episodeId: string; hospitalName: string; admittedOn: string },
  userId: string,
): Promise<void> {
  const [last] = await tx
    .select()
    .from(admissionDocuments)
    .where(
      and(
        eq(admissionDocuments.episodeId, from.episodeId),
        eq(admissionDocuments.formId, 'admission_info_sheet'),
      ),
    )
    .orderBy(desc(admissionDocuments.revision))
    .limit(1);
  if (!last) return;
  const values = last.values as FormValues;
  await tx.insert(admissionDocuments).values({
    episodeId: to.episodeId,
    formId: 'admission_info_sheet',
    formVersion: last.formVersion,
    revision: 1,
    values: {
      ...values,
      hospital: to.hospitalName,
      admittedOn: to.admittedOn,
      ward: '',
      writtenOn: todayInJapan(),
    },
    savedBy: userId,
  });
}
