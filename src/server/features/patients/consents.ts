// Consent to share a patient's information (同意): recorded by a professional of an organisation that
// may see the patient, one row per scope; withdrawn with a reason, the row kept as history.
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { StoredFile } from '../../../shared/schemas/files';
import type { consentCreateRequest, PatientDetail } from '../../../shared/schemas/patients';
import type { DbOrTx } from '../../db/client';
import { patientConsents } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { conflict, notFound } from '../../platform/errors';
import { attachUploads, sendStoredFile, storeUpload } from '../../platform/files';
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
    if (body.documentFileId)
      await attachUploads(tx, request, { patientId, teamId: null }, [body.documentFileId]);
    await tx.insert(patientConsents).values(
      body.scopes.map((scope) => ({
        patientId,
        scope,
        method: body.method,
        consentedOn: body.consentedOn,
        notes: body.notes || null,
        documentFileId: body.documentFileId ?? null,
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
    const consent = await consentOf(tx, patientId, consentId);
    if (consent.withdrawnAt)
      throw conflict('consent_already_withdrawn', 'この同意はすでに撤回されています。');
    await tx
      .update(patientConsents)
      .set({ withdrawnAt: new Date(), withdrawnBy: actor.user.id, withdrawalReason: reason })
      .where(eq(patientConsents.id, consentId));
    return detailOf(request, patient, tx);
  });
}

async function consentOf(db: DbOrTx, patientId: string, consentId: string) {
  const [consent] = await db
    .select()
    .from(patientConsents)
    .where(and(eq(patientConsents.id, consentId), eq(patientConsents.patientId, patientId)));
  if (!consent)
    throw notFound('この同意の記録は見つかりません。画面を読み込み直してください。', 'consent_not_found');
  return consent;
}

/** Stores a scan of a consent form, to be attached when the consent is recorded (or afterwards). */
export async function uploadConsentDocument(request: FastifyRequest, patientId: string): Promise<StoredFile> {
  return request.server.db.transaction(async (tx) => {
    await openPatient(request, patientId, 'file.upload', { db: tx });
    return storeUpload(tx, request, { patientId, teamId: null });
  });
}

/** Attaches a scan to a consent recorded without one; a consent's scan is not replaced. */
export async function attachConsentDocument(
  request: FastifyRequest,
  patientId: string,
  consentId: string,
  fileId: string,
): Promise<PatientDetail> {
  return request.server.db.transaction(async (tx) => {
    const patient = await openPatient(request, patientId, 'consent.document', {
      db: tx,
      forUpdate: true,
      details: () => ({ consentId, fileId }),
    });
    const consent = await consentOf(tx, patientId, consentId);
    if (consent.documentFileId)
      throw conflict(
        'consent_document_exists',
        'この同意には同意書の写しがすでに付いています。差し替える場合は、同意を記録し直してください。',
      );
    await attachUploads(tx, request, { patientId, teamId: null }, [fileId]);
    await tx.update(patientConsents).set({ documentFileId: fileId }).where(eq(patientConsents.id, consentId));
    return detailOf(request, patient, tx);
  });
}

export async function readConsentDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  patientId: string,
  consentId: string,
): Promise<FastifyReply> {
  await openPatient(request, patientId, 'file.read', { details: () => ({ consentId }) });
  const consent = await consentOf(request.server.db, patientId, consentId);
  if (!consent.documentFileId)
    throw notFound('この同意には同意書の写しが付いていません。', 'consent_document_missing');
  return sendStoredFile(request.server.db, reply, consent.documentFileId);
}
