// Consent to share a patient's information (同意): recorded by a professional of an organisation that
// may see the patient, one row per scope; withdrawn with a reason, the row kept as history.
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { consentCreateRequest, PatientDetail } from '../../../shared/schemas/patients';
import { patientConsents } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { conflict, notFound } from '../../platform/errors';
import { openPatient } from '../../platform/patient-access';
import { detailOf } from './patient-record';

export async function recordConsent(
  request: FastifyRequest,
  patientId: string,
  body: z.infer<typeof consentCreateRequest>,
): Promise<PatientDetail> {
  const actor = requireActor(request);
  return request.server.db.transaction(async (tx) => {
    const patient = await openPatient(request, patientId, 'consent.record', {
      db: tx,
      forUpdate: true,
      details: () => ({ scopes: body.scopes, method: body.method, consentedOn: body.consentedOn }),
    });
    await tx.insert(patientConsents).values(
      body.scopes.map((scope) => ({
        patientId,
        scope,
        method: body.method,
        consentedOn: body.consentedOn,
        notes: body.notes || null,
        organisationId: patient.organisationId,
        recordedBy: actor.user.id,
      })),
    );
    return detailOf(request, patient, tx);
  });
}

export async function withdrawConsent(
  request: FastifyRequest,
  patientId: string,
  consentId: string,
  reason: string,
): Promise<PatientDetail> {
  const actor = requireActor(request);
  return request.server.db.transaction(async (tx) => {
    const patient = await openPatient(request, patientId, 'consent.withdraw', {
      db: tx,
      forUpdate: true,
      details: () => ({ consentId }),
    });
    const [consent] = await tx
      .select()
      .from(patientConsents)
      .where(and(eq(patientConsents.id, consentId), eq(patientConsents.patientId, patientId)));
    if (!consent)
      throw notFound('この同意の記録は見つかりません。画面を読み込み直してください。', 'consent_not_found');
    if (consent.withdrawnAt)
      throw conflict('consent_already_withdrawn', 'この同意はすでに撤回されています。');
    await tx
      .update(patientConsents)
      .set({ withdrawnAt: new Date(), withdrawnBy: actor.user.id, withdrawalReason: reason })
      .where(eq(patientConsents.id, consentId));
    return detailOf(request, patient, tx);
  });
}
