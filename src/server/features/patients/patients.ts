// Registering, finding and changing patients. All access goes through platform/patient-access.ts,
// which decides who sees whom and writes the audit record.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  PatientDetail,
  PatientSummary,
  patientCreateRequest,
  patientSearchQuery,
  patientUpdateRequest,
} from '../../../shared/schemas/patients';
import { normalizeForSearch } from '../../../shared/search-text';
import { containing } from '../../db/client';
import { organisations, patients } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { AppError, forbidden } from '../../platform/errors';
import {
  auditNewPatient,
  mayRecordFor,
  openPatient,
  type PatientRow,
  searchPatients,
} from '../../platform/patient-access';
import { changedColumns, checkReferences, columnsOf, detailOf, summaryOf } from './patient-record';

type SummaryJoin = { patient: PatientRow; organisationName: string };

/** The query of a search's rows; `condition` (visibility and the search's own) comes from patient-access. */
function summaries(request: FastifyRequest, limit: number) {
  return (condition: SQL) =>
    request.server.db
      .select({ patient: patients, organisationName: organisations.name })
      .from(patients)
      .innerJoin(organisations, eq(organisations.id, patients.organisationId))
      .where(condition)
      .orderBy(asc(patients.kanaKey), asc(patients.birthDate), asc(patients.id))
      .limit(limit)
      .then((rows) => rows.map((row: SummaryJoin) => ({ id: row.patient.id, ...row })));
}

const toSummaries = (rows: SummaryJoin[]): PatientSummary[] =>
  rows.map((row) => summaryOf(row.patient, row.organisationName));

/** Patients the actor may see whose name or reading holds the words, born on the date if given. */
export async function findPatients(
  request: FastifyRequest,
  query: z.infer<typeof patientSearchQuery>,
): Promise<{ items: PatientSummary[]; more: boolean }> {
  const words = query.q ? normalizeForSearch(query.q) : '';
  const where = and(
    words
      ? sql`(${patients.kanaKey} LIKE ${containing(words)} OR ${patients.name} LIKE ${containing(query.q ?? '')})`
      : undefined,
    query.birthDate ? eq(patients.birthDate, query.birthDate) : undefined,
  );
  const rows = await searchPatients(request, 'patient.search', where, summaries(request, query.limit + 1), {
    q: query.q ?? null,
    birthDate: query.birthDate ?? null,
  });
  return { items: toSummaries(rows.slice(0, query.limit)), more: rows.length > query.limit };
}

/** Registers a patient for an organisation of the actor's; a same reading and birth date warns first. */
export async function createPatient(
  request: FastifyRequest,
  body: z.infer<typeof patientCreateRequest>,
): Promise<PatientDetail> {
  const actor = requireActor(request);
  if (!(await mayRecordFor(request, body.organisationId)))
    throw forbidden('所属していない組織の利用者としては登録できません。', 'not_member_of_organisation');
  const columns = columnsOf(body);
  if (!body.confirmDuplicate) {
    const same = and(eq(patients.kanaKey, columns.kanaKey), eq(patients.birthDate, columns.birthDate));
    const duplicates = await searchPatients(
      request,
      'patient.duplicate_check',
      same,
      summaries(request, 10),
      {
        birthDate: columns.birthDate,
      },
    );
    if (duplicates.length > 0)
      throw new AppError(
        409,
        'possible_duplicate',
        '同じフリガナと生年月日の利用者がすでに登録されています。同じ方でないか確かめてください。別の方なら、そのまま登録できます。',
        { duplicates: toSummaries(duplicates) },
      );
  }
  return request.server.db.transaction(async (tx) => {
    await checkReferences(tx, body);
    const [row] = await tx
      .insert(patients)
      .values({ ...columns, organisationId: body.organisationId, createdBy: actor.user.id })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await auditNewPatient(tx, request, row);
    return detailOf(request, row, tx);
  });
}

/** Changes a patient's record; an edit made meanwhile by someone else answers 409 with the current record. */
export async function updatePatient(
  request: FastifyRequest,
  patientId: string,
  body: z.infer<typeof patientUpdateRequest>,
): Promise<PatientDetail> {
  const columns = columnsOf(body);
  const outcome = await request.server.db.transaction(async (tx) => {
    const current = await openPatient(request, patientId, 'patient.update', {
      db: tx,
      forUpdate: true,
      details: (row) =>
        row.version === body.version ? { changed: changedColumns(row, columns) } : { conflict: true },
    });
    // The conflict is answered with the record as it is now: that read is audited, so it commits.
    if (current.version !== body.version) return { conflict: await detailOf(request, current, tx) };
    await checkReferences(tx, body);
    const [row] = await tx
      .update(patients)
      .set({ ...columns, version: current.version + 1, updatedAt: new Date() })
      .where(eq(patients.id, patientId))
      .returning();
    if (!row) throw new Error('update returned no row');
    return { updated: await detailOf(request, row, tx) };
  });
  if (outcome.conflict)
    throw new AppError(
      409,
      'edit_conflict',
      '他の人がこの利用者の情報を先に更新しました。最新の内容を確かめてから、もう一度変更してください。',
      { current: outcome.conflict },
    );
  return outcome.updated;
}

export async function readPatient(request: FastifyRequest, patientId: string): Promise<PatientDetail> {
  return detailOf(request, await openPatient(request, patientId, 'patient.read'));
}
