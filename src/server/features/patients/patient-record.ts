// A patient's record: between the form's fields and the table's columns, and the detail view with its
// names resolved (organisation, area, the directory's offices) and its consents.
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import type { PatientDetail, PatientFields, PatientSummary } from '../../../shared/schemas/patients';
import { normalizeForSearch } from '../../../shared/search-text';
import type { DbOrTx } from '../../db/client';
import { areas, organisations, patientConsents, servicePoints, storedFiles, users } from '../../db/schema';
import { badRequest } from '../../platform/errors';
import { fileFields } from '../../platform/files';
import type { PatientRow } from '../../platform/patient-access';
import { consentToView } from './consent-view';

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

/** The columns a form's fields are stored in (the reading normalised for the duplicate guard). */
export function columnsOf(fields: PatientFields) {
  return {
    name: fields.name,
    kana: fields.kana,
    kanaKey: normalizeForSearch(fields.kana),
    birthDate: fields.birthDate,
    sex: fields.sex,
    address: orNull(fields.address),
    areaId: fields.areaId,
    phone: orNull(fields.phone),
    insuredNumber: orNull(fields.insuredNumber),
    careLevel: fields.careLevel,
    physicalIndependence: fields.physicalIndependence,
    dementiaIndependence: fields.dementiaIndependence,
    livesAlone: fields.livesAlone,
    keyPersons: fields.keyPersons,
    primaryPhysicianPointId: fields.primaryPhysician.servicePointId,
    primaryPhysicianName: orNull(fields.primaryPhysician.name),
    careManagerPointId: fields.careManager.servicePointId,
    careManagerName: orNull(fields.careManager.name),
    medicalHistory: orNull(fields.medicalHistory),
    medication: orNull(fields.medication),
    allergies: orNull(fields.allergies),
  };
}

export type PatientColumns = ReturnType<typeof columnsOf>;

/** The names of the columns whose values differ (for the audit record of a change; never the values). */
export function changedColumns(before: PatientRow, after: PatientColumns): string[] {
  return (Object.keys(after) as (keyof PatientColumns)[]).filter(
    (key) => canonical(before[key]) !== canonical(after[key]),
  );
}

/** JSON with keys in one order: jsonb gives objects back with its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/** Refuses references that do not exist: an area or directory office chosen from a stale list. */
export async function checkReferences(db: DbOrTx, fields: PatientFields): Promise<void> {
  if (fields.areaId) {
    const [area] = await db.select({ id: areas.id }).from(areas).where(eq(areas.id, fields.areaId));
    if (!area) throw badRequest('unknown_area', '選んだ地域が見つかりません。選び直してください。');
  }
  const pointIds = [fields.primaryPhysician.servicePointId, fields.careManager.servicePointId].filter(
    (id): id is string => id !== null,
  );
  if (pointIds.length === 0) return;
  const found = await db
    .select({ id: servicePoints.id })
    .from(servicePoints)
    .where(inArray(servicePoints.id, pointIds));
  if (found.length !== new Set(pointIds).size)
    throw badRequest(
      'unknown_service_point',
      '選んだ医療機関・事業所が資源マップに見つかりません。選び直してください。',
    );
}

export function summaryOf(row: PatientRow, organisationName: string): PatientSummary {
  return {
    id: row.id,
    name: row.name,
    kana: row.kana,
    birthDate: row.birthDate,
    sex: row.sex as PatientSummary['sex'],
    careLevel: row.careLevel as PatientSummary['careLevel'],
    address: row.address,
    organisationId: row.organisationId,
    organisationName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function namesFor(db: DbOrTx, row: PatientRow) {
  const pointIds = [row.primaryPhysicianPointId, row.careManagerPointId].filter(
    (id): id is string => id !== null,
  );
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, row.organisationId));
  const [area] = row.areaId
    ? await db.select({ name: areas.name }).from(areas).where(eq(areas.id, row.areaId))
    : [];
  const points = pointIds.length
    ? await db
        .select({ id: servicePoints.id, name: servicePoints.name })
        .from(servicePoints)
        .where(inArray(servicePoints.id, pointIds))
    : [];
  const pointName = (id: string | null) => points.find((point) => point.id === id)?.name ?? null;
  return {
    organisationName: organisation?.name ?? '',
    areaName: area?.name ?? null,
    physicianPointName: pointName(row.primaryPhysicianPointId),
    careManagerPointName: pointName(row.careManagerPointId),
  };
}

/** The consents of a patient, newest first, with who recorded and who withdrew them. */
async function consentsOf(db: DbOrTx, patientId: string) {
  const recorder = alias(users, 'recorder');
  const withdrawer = alias(users, 'withdrawer');
  const rows = await db
    .select({
      consent: patientConsents,
      recorderName: recorder.displayName,
      withdrawerName: withdrawer.displayName,
      organisationName: organisations.name,
      document: fileFields,
    })
    .from(patientConsents)
    .innerJoin(recorder, eq(recorder.id, patientConsents.recordedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, patientConsents.withdrawnBy))
    .innerJoin(organisations, eq(organisations.id, patientConsents.organisationId))
    .leftJoin(storedFiles, eq(storedFiles.id, patientConsents.documentFileId))
    .where(eq(patientConsents.patientId, patientId))
    .orderBy(asc(patientConsents.recordedAt));
  return rows.reverse().map(consentToView);
}

export async function detailOf(
  request: FastifyRequest,
  row: PatientRow,
  db?: DbOrTx,
): Promise<PatientDetail> {
  const reader = db ?? request.server.db;
  const names = await namesFor(reader, row);
  const text = (value: string | null) => value ?? undefined;
  return {
    id: row.id,
    version: row.version,
    organisationId: row.organisationId,
    organisationName: names.organisationName,
    name: row.name,
    kana: row.kana,
    birthDate: row.birthDate,
    sex: row.sex as PatientDetail['sex'],
    address: text(row.address),
    areaId: row.areaId,
    areaName: names.areaName,
    phone: text(row.phone),
    insuredNumber: text(row.insuredNumber),
    careLevel: row.careLevel as PatientDetail['careLevel'],
    physicalIndependence: row.physicalIndependence,
    dementiaIndependence: row.dementiaIndependence,
    livesAlone: row.livesAlone,
    keyPersons: row.keyPersons as PatientDetail['keyPersons'],
    primaryPhysician: {
      servicePointId: row.primaryPhysicianPointId,
      servicePointName: names.physicianPointName,
      name: text(row.primaryPhysicianName),
    },
    careManager: {
      servicePointId: row.careManagerPointId,
      servicePointName: names.careManagerPointName,
      name: text(row.careManagerName),
    },
    medicalHistory: text(row.medicalHistory),
    medication: text(row.medication),
    allergies: text(row.allergies),
    consents: await consentsOf(reader, row.id),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
