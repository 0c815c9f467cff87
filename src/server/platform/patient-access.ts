// The one way to patient data. Who may see a patient: the members of the organisation that recorded
// them (its record, its responsibility). Beyond it only under consent in force — the care team comes
// with the care-team feature and joins here, nowhere else. Organisation roles do not widen this, and
// system roles (system admin, center, city, EMS) give no access to patients on this path.
// Every read, search and write of patient data writes its audit record here, inside the caller's
// transaction where there is one, so nothing is read or changed unaudited. A patient the actor may
// not see is answered 404, exactly as one that does not exist: ids are not to be probed.
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/client';
import { memberships, patients } from '../db/schema';
import { membershipRole, requireActor } from './access';
import { appendAudit, requestAuditFields } from './audit';
import { notFound } from './errors';

export type PatientRow = typeof patients.$inferSelect;

export type PatientAuditAction =
  | 'patient.read'
  | 'patient.create'
  | 'patient.update'
  | 'patient.search'
  | 'patient.duplicate_check'
  | 'consent.record'
  | 'consent.withdraw';

const patientNotFound = () =>
  notFound(
    'この利用者は見つからないか、閲覧する権限がありません。一覧から選び直してください。',
    'patient_not_found',
  );

/** The condition on `patients` for the rows the signed-in actor may see. */
export function visiblePatients(request: FastifyRequest): SQL {
  const actor = requireActor(request);
  return inArray(
    patients.organisationId,
    request.server.db
      .select({ id: memberships.organisationId })
      .from(memberships)
      .where(eq(memberships.userId, actor.user.id)),
  );
}

/** Whether the actor may record patients for this organisation: its members may. */
export async function mayRecordFor(request: FastifyRequest, organisationId: string): Promise<boolean> {
  return (await membershipRole(request, organisationId)) !== null;
}

async function audit(
  db: DbOrTx,
  request: FastifyRequest,
  action: PatientAuditAction,
  patient: { id: string | null; organisationId: string | null },
  details?: Record<string, unknown>,
): Promise<void> {
  await appendAudit(db, {
    ...requestAuditFields(request),
    action,
    organisationId: patient.organisationId,
    targetType: 'patient',
    targetId: patient.id,
    details: details ?? null,
  });
}

/**
 * The patient, if the actor may see them, with the audit record of this access (`action`, and
 * `details` such as the fields changed). In a transaction the row is locked for the change to come.
 */
export async function openPatient(
  request: FastifyRequest,
  patientId: string,
  action: PatientAuditAction,
  options: {
    db?: DbOrTx;
    forUpdate?: boolean;
    /** What the record says beyond the action (the names of the fields a change touches …). */
    details?: (row: PatientRow) => Record<string, unknown>;
  } = {},
): Promise<PatientRow> {
  const db = options.db ?? request.server.db;
  const query = db
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), visiblePatients(request)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw patientNotFound();
  await audit(db, request, action, row, options.details?.(row));
  return row;
}

/** The audit record of a new patient, written in the transaction that inserts it. */
export async function auditNewPatient(db: DbOrTx, request: FastifyRequest, row: PatientRow): Promise<void> {
  await audit(db, request, 'patient.create', row);
}

/**
 * Rows of a search among the patients the actor may see, with one audit record of what was asked and
 * how many were shown. `where` narrows the search; the visibility condition is always added here.
 */
export async function searchPatients<T extends { id: string }>(
  request: FastifyRequest,
  action: 'patient.search' | 'patient.duplicate_check',
  where: SQL | undefined,
  run: (condition: SQL) => Promise<T[]>,
  asked: Record<string, unknown>,
): Promise<T[]> {
  const condition = and(visiblePatients(request), where) as SQL;
  const rows = await run(condition);
  await audit(
    request.server.db,
    request,
    action,
    { id: null, organisationId: null },
    {
      ...asked,
      shown: rows.map((row) => row.id),
    },
  );
  return rows;
}
