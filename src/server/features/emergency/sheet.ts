// 救急医療情報 of a patient as the care team keeps it: the sheet (pre-filled from the patient record,
// checked against its definition, saved with the version read), the wishes in an emergency taken from
// the current 人生会議 record, the kit in force, and the EMS look-ups of the last 90 days. Read and
// written by whoever may see the patient, through openPatient, which audits.
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { formatDate, todayInJapan } from '../../../shared/dates';
import { emergencyWishKeys } from '../../../shared/forms/acp-record';
import type { FormValues } from '../../../shared/forms/definition';
import { emergencyInfoSheet } from '../../../shared/forms/emergency-info-sheet';
import type {
  AccessNotice,
  EmergencySaveRequest,
  EmergencySheetView,
  EmergencyWishes,
} from '../../../shared/schemas/emergency';
import { type DbOrTx, queryRows } from '../../db/client';
import { emergencyAccesses, emergencyKits, emergencySheets, organisations } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { badRequest, conflict } from '../../platform/errors';
import { consentInForce, openPatient, type PatientRow } from '../../platform/patient-access';
import { type CurrentAcp, currentAcpJson } from '../acp/records';
import { nameOfUser } from '../admission/live';
import { checkedValues, prefillFromPatient } from '../admission/prefill';
import { tellPatientTeams } from '../teams/live';

/** The wishes an ambulance crew needs, from the latest confirmed ACP version (null before one). */
export function wishesFrom(acp: CurrentAcp | null): EmergencyWishes | null {
  if (!acp) return null;
  return {
    values: Object.fromEntries(emergencyWishKeys.map((key) => [key, acp.values[key] ?? null])),
    acpNumber: acp.number,
    discussedOn: acp.discussedOn,
    confirmedAt: new Date(acp.confirmedAt).toISOString(),
    confirmedBy: acp.confirmedBy ?? '',
  };
}

async function wishesOf(db: DbOrTx, patientId: string): Promise<EmergencyWishes | null> {
  const [row] = await queryRows<{ acp: CurrentAcp | null }>(
    db,
    sql`SELECT ${currentAcpJson(sql`${patientId}::uuid`)} AS acp`,
  );
  return wishesFrom(row?.acp ?? null);
}

async function sheetOf(db: DbOrTx, patientId: string) {
  const [row] = await db
    .select({
      row: emergencySheets,
      savedBy: nameOfUser(emergencySheets.savedBy),
      confirmedBy: nameOfUser(emergencySheets.confirmedBy),
    })
    .from(emergencySheets)
    .where(eq(emergencySheets.patientId, patientId));
  return row ?? null;
}

async function kitOf(db: DbOrTx, patientId: string) {
  const [row] = await db
    .select({ kit: emergencyKits, issuedBy: nameOfUser(emergencyKits.issuedBy) })
    .from(emergencyKits)
    .where(and(eq(emergencyKits.patientId, patientId), isNull(emergencyKits.revokedAt)));
  if (!row) return null;
  return {
    id: row.kit.id,
    issuedOn: row.kit.issuedOn,
    issuedBy: row.issuedBy ?? '',
    eligibility: row.kit.eligibility as NonNullable<EmergencySheetView['kit']>['eligibility'],
  };
}

/** EMS look-ups of the patient in the last 90 days, newest first: what the care team is told. */
async function accessesOf(db: DbOrTx, patientId: string): Promise<AccessNotice[]> {
  const rows = await db
    .select({
      row: emergencyAccesses,
      crew: nameOfUser(emergencyAccesses.userId),
      organisation: organisations.name,
    })
    .from(emergencyAccesses)
    .leftJoin(organisations, eq(organisations.id, emergencyAccesses.organisationId))
    .where(
      and(
        eq(emergencyAccesses.patientId, patientId),
        gt(emergencyAccesses.at, sql`now() - interval '90 days'`),
      ),
    )
    .orderBy(desc(emergencyAccesses.at))
    .limit(20);
  return rows.map(({ row, crew, organisation }) => accessNoticeOf(row, crew, organisation));
}

/** A look-up as the care team and the center are told of it: when, who, how and why. */
export function accessNoticeOf(
  row: typeof emergencyAccesses.$inferSelect,
  crew: string | null,
  organisation: string | null,
): AccessNotice {
  return {
    id: row.id,
    at: row.at.toISOString(),
    crew: crew ?? '',
    organisation,
    method: row.method as AccessNotice['method'],
    reason: row.reason as AccessNotice['reason'],
    reasonNote: row.reasonNote,
  };
}

export async function emergencyViewOf(db: DbOrTx, patient: PatientRow): Promise<EmergencySheetView> {
  const [sheet, wishes, kit, accesses, prefill, consent] = await Promise.all([
    sheetOf(db, patient.id),
    wishesOf(db, patient.id),
    kitOf(db, patient.id),
    accessesOf(db, patient.id),
    prefillFromPatient(db, emergencyInfoSheet, patient),
    queryRows<{ yes: boolean }>(db, sql`SELECT ${consentInForce('ems', sql`${patient.id}::uuid`)} AS yes`),
  ]);
  return {
    definition: emergencyInfoSheet,
    prefill,
    current: sheet && {
      formVersion: sheet.row.formVersion,
      values: sheet.row.values as FormValues,
      savedAt: sheet.row.savedAt.toISOString(),
      savedBy: sheet.savedBy ?? '',
      confirmedOn: sheet.row.confirmedOn,
      confirmedBy: sheet.confirmedBy,
      version: sheet.row.version,
    },
    wishes,
    kit,
    emsConsent: consent[0]?.yes ?? false,
    accesses,
  };
}

export async function readSheet(request: FastifyRequest, patientId: string): Promise<EmergencySheetView> {
  const patient = await openPatient(request, patientId, 'emergency.read');
  return emergencyViewOf(request.server.db, patient);
}

const staleSheet = () =>
  conflict(
    'emergency_stale',
    'この間に別の方がこの救急医療情報を保存しました。画面を読み込み直し、最新の内容を確かめてから保存してください。',
  );

const confirmationDayIssue = (message: string) =>
  badRequest('emergency_confirmed_on', message, [{ path: 'confirmedOn', message }]);

/** The day a sheet was gone through (today unless given): not in the future, nor before the last. */
function checkedConfirmationDay(given: string | undefined, last: string | null): string {
  const today = todayInJapan();
  const day = given ?? today;
  if (day > today) throw confirmationDayIssue('確認した日に、これから先の日付は入れられません。');
  if (last && day < last)
    throw confirmationDayIssue(`前回の確認日（${formatDate(last)}）より前の日付は入れられません。`);
  return day;
}

/** Saves the sheet with the version read (null: the first save); 409 when someone saved in between. */
export async function saveSheet(
  request: FastifyRequest,
  patientId: string,
  body: EmergencySaveRequest,
): Promise<EmergencySheetView> {
  const values = checkedValues(emergencyInfoSheet, body.values);
  const userId = requireActor(request).user.id;
  const patient = await request.server.db.transaction(async (tx) => {
    const opened = await openPatient(request, patientId, 'emergency.save', {
      db: tx,
      forUpdate: true,
      details: () => ({ confirmedWithPerson: body.confirmedWithPerson, confirmedOn: body.confirmedOn }),
    });
    const [row] = await tx.select().from(emergencySheets).where(eq(emergencySheets.patientId, patientId));
    if ((row?.version ?? null) !== body.version) throw staleSheet();
    const confirmed = body.confirmedWithPerson
      ? {
          confirmedOn: checkedConfirmationDay(body.confirmedOn, row?.confirmedOn ?? null),
          confirmedBy: userId,
        }
      : {};
    const change = { values, formVersion: emergencyInfoSheet.version, savedBy: userId, savedAt: new Date() };
    if (row)
      await tx
        .update(emergencySheets)
        .set({ ...change, ...confirmed, version: row.version + 1 })
        .where(eq(emergencySheets.patientId, patientId));
    else await tx.insert(emergencySheets).values({ patientId, ...change, ...confirmed });
    return opened;
  });
  await tellPatientTeams(request, patientId, 'emergency');
  return emergencyViewOf(request.server.db, patient);
}
