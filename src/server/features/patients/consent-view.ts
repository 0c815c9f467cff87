// A consent row as the API shows it. In force: given on or before today and not withdrawn.
import { todayInJapan } from '../../../shared/dates';
import type { StoredFile } from '../../../shared/schemas/files';
import type { Consent } from '../../../shared/schemas/patients';
import type { patientConsents } from '../../db/schema';

type ConsentRow = typeof patientConsents.$inferSelect;

export const isInForce = (row: Pick<ConsentRow, 'consentedOn' | 'withdrawnAt'>) =>
  row.withdrawnAt === null && row.consentedOn <= todayInJapan();

export function consentToView(joined: {
  consent: ConsentRow;
  recorderName: string;
  withdrawerName: string | null;
  organisationName: string;
  document: StoredFile | null;
}): Consent {
  const { consent } = joined;
  return {
    id: consent.id,
    scope: consent.scope as Consent['scope'],
    method: consent.method as Consent['method'],
    consentedOn: consent.consentedOn,
    notes: consent.notes,
    recordedBy: { id: consent.recordedBy, name: joined.recorderName },
    recordedAt: consent.recordedAt.toISOString(),
    organisationName: joined.organisationName,
    withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
    withdrawnBy:
      consent.withdrawnBy && joined.withdrawerName
        ? { id: consent.withdrawnBy, name: joined.withdrawerName }
        : null,
    withdrawalReason: consent.withdrawalReason,
    inForce: isInForce(consent),
    document: joined.document,
  };
}
