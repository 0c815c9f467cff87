// 人生会議 (ACP) records of a patient: each discussion a numbered version. A draft changes in place; a
// confirmed version never does — a change to it starts the next version from it — so what the person
// said on a day stays as they said it, and the latest confirmed version is their wishes as they stand.
// Read and written by whoever may see the patient (the care team under consent), through openPatient,
// which audits; every change runs in one transaction with the patient row locked.
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { acpRecord } from '../../../shared/forms/acp-record';
import type { FormValues } from '../../../shared/forms/definition';
import { changedKeys } from '../../../shared/forms/values';
import type { AcpCreateRequest, AcpOverview, AcpSaveRequest, AcpVersion } from '../../../shared/schemas/acp';
import type { DbOrTx, Tx } from '../../db/client';
import { acpRecords } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { openPatient, type PatientAuditAction, type PatientRow } from '../../platform/patient-access';
import { nameOfUser } from '../admission/live';
import { checkedValues, prefillFromPatient } from '../admission/prefill';
import { tellPatientTeams } from '../teams/live';

type AcpRow = typeof acpRecords.$inferSelect;

/** Every version of the patient's record, newest first, each with what changed since the one before. */
export async function versionsOf(db: DbOrTx, patientId: string): Promise<AcpVersion[]> {
  const rows = await db
    .select({
      row: acpRecords,
      savedBy: nameOfUser(acpRecords.savedBy),
      confirmedBy: nameOfUser(acpRecords.confirmedBy),
    })
    .from(acpRecords)
    .where(eq(acpRecords.patientId, patientId))
    .orderBy(desc(acpRecords.number));
  return rows.map(({ row, savedBy, confirmedBy }, i) => {
    const before = rows[i + 1]?.row.values as FormValues | undefined;
    const values = row.values as FormValues;
    return {
      number: row.number,
      status: row.status as AcpVersion['status'],
      formVersion: row.formVersion,
      values,
      changed: before ? changedKeys(before, values) : [],
      discussedOn: row.discussedOn,
      savedAt: row.savedAt.toISOString(),
      savedBy: savedBy ?? '',
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
      confirmedBy,
      version: row.version,
    };
  });
}

/** The latest confirmed version's values, number and dates as one JSON value (null before the first):
 * a column of a wider query, so the EMS look-up reads the sheet and the wishes in one round trip. */
export const currentAcpJson = (patientId: SQL | AnyPgColumn) =>
  sql<CurrentAcp | null>`(SELECT jsonb_build_object('values', a.values, 'number', a.number,
      'discussedOn', a.discussed_on, 'confirmedAt', a.confirmed_at,
      'confirmedBy', (SELECT u.display_name FROM users u WHERE u.id = a.confirmed_by))
    FROM acp_records a WHERE a.patient_id = ${patientId} AND a.confirmed_at IS NOT NULL
    ORDER BY a.number DESC LIMIT 1)`;

export type CurrentAcp = {
  values: FormValues;
  number: number;
  discussedOn: string | null;
  confirmedAt: string;
  confirmedBy: string | null;
};

async function overviewOf(db: DbOrTx, patient: PatientRow): Promise<AcpOverview> {
  const versions = await versionsOf(db, patient.id);
  return {
    definition: acpRecord,
    prefill: await prefillFromPatient(db, acpRecord, patient),
    versions,
    current: versions.find((v) => v.status === 'confirmed')?.number ?? null,
    draft: versions.find((v) => v.status === 'draft')?.number ?? null,
  };
}

export async function readAcp(request: FastifyRequest, patientId: string): Promise<AcpOverview> {
  const patient = await openPatient(request, patientId, 'acp.read');
  return overviewOf(request.server.db, patient);
}

const draftExists = () =>
  conflict(
    'acp_draft_exists',
    '書きかけの版がすでにあります。その版を開いて続きを書くか、確定してから次の版を作ってください。',
  );
const staleVersion = () =>
  conflict(
    'acp_stale',
    'この間に別の方がこの記録を保存しました。画面を読み込み直し、最新の内容を確かめてから保存してください。',
  );

/** A change in one transaction with the patient row locked; the care teams are told; the overview. */
async function changeAcp(
  request: FastifyRequest,
  patientId: string,
  action: PatientAuditAction,
  details: Record<string, unknown>,
  change: (tx: Tx, rows: AcpRow[]) => Promise<void>,
): Promise<AcpOverview> {
  const patient = await request.server.db.transaction(async (tx) => {
    const opened = await openPatient(request, patientId, action, {
      db: tx,
      forUpdate: true,
      details: () => details,
    });
    // Read under the patient's lock: two changes at once take turns.
    const rows = await tx
      .select()
      .from(acpRecords)
      .where(eq(acpRecords.patientId, patientId))
      .orderBy(desc(acpRecords.number));
    await change(tx, rows);
    return opened;
  });
  await tellPatientTeams(request, patientId, 'emergency');
  return overviewOf(request.server.db, patient);
}

async function insertDraft(
  tx: Tx,
  request: FastifyRequest,
  patientId: string,
  number: number,
  values: FormValues,
) {
  await tx.insert(acpRecords).values({
    patientId,
    number,
    status: 'draft',
    formVersion: acpRecord.version,
    values,
    savedBy: requireActor(request).user.id,
  });
}

/** A new draft: the first record, or the next version (409 while another draft is open). */
export function createAcp(request: FastifyRequest, patientId: string, body: AcpCreateRequest) {
  const values = checkedValues(acpRecord, body.values);
  return changeAcp(request, patientId, 'acp.save', { create: true }, async (tx, rows) => {
    if (rows.some((row) => row.status === 'draft')) throw draftExists();
    await insertDraft(tx, request, patientId, (rows[0]?.number ?? 0) + 1, values);
  });
}

const versionNotFound = () =>
  notFound('この版の記録は見つかりません。一覧から選び直してください。', 'acp_version_not_found');

/**
 * Saves a version: a draft in place; a confirmed one is never changed — the values become the next
 * version, a draft started from it (409 while another draft is open).
 */
export function saveAcp(request: FastifyRequest, patientId: string, number: number, body: AcpSaveRequest) {
  const values = checkedValues(acpRecord, body.values);
  return changeAcp(request, patientId, 'acp.save', { number }, async (tx, rows) => {
    const row = rows.find((r) => r.number === number);
    if (!row) throw versionNotFound();
    if (row.version !== body.version) throw staleVersion();
    if (row.status === 'confirmed') {
      if (rows.some((r) => r.status === 'draft')) throw draftExists();
      // The next version starts from what the person says now, not from what they said before.
      if (rows.find((r) => r.status === 'confirmed')?.number !== number)
        throw conflict(
          'acp_not_current',
          'この版は現在の版ではありません。新しい話し合いは、現在の版から記録してください。',
        );
      await insertDraft(tx, request, patientId, (rows[0]?.number ?? 0) + 1, values);
      return;
    }
    await tx
      .update(acpRecords)
      .set({ values, savedBy: requireActor(request).user.id, savedAt: new Date(), version: row.version + 1 })
      .where(eq(acpRecords.id, row.id));
  });
}

/** Confirms the draft as what was said on the day of the discussion (which it must name). */
export function confirmAcp(request: FastifyRequest, patientId: string, number: number, version: number) {
  return changeAcp(request, patientId, 'acp.confirm', { number }, async (tx, rows) => {
    const row = rows.find((r) => r.number === number);
    if (!row) throw versionNotFound();
    if (row.version !== version) throw staleVersion();
    if (row.status === 'confirmed')
      throw conflict('acp_already_confirmed', 'この版はすでに確定されています。');
    const discussedOn = (row.values as FormValues).discussedOn;
    if (typeof discussedOn !== 'string' || !discussedOn)
      throw badRequest('acp_date_missing', '確定する前に、話し合った日を入力してください。', [
        { path: 'values.discussedOn', message: '話し合った日を入力してください。' },
      ]);
    await tx
      .update(acpRecords)
      .set({
        status: 'confirmed',
        discussedOn,
        confirmedBy: requireActor(request).user.id,
        confirmedAt: new Date(),
        version: row.version + 1,
      })
      .where(eq(acpRecords.id, row.id));
  });
}
