// 人生会議 (ACP) records as the API carries them: every version of a patient's record, newest first,
// with the keys that changed since the version before it.
import { z } from 'zod';
import { formDefinitionSchema } from '../forms/definition-schema';
import { formValuesRecord } from './admission-documents';
import { idSchema, isoDateTime } from './common';

export const acpParams = z.object({ patientId: idSchema });
export const acpVersionParams = z.object({ patientId: idSchema, number: z.coerce.number().int().min(1) });

export const acpStatuses = ['draft', 'confirmed'] as const;

export const acpVersion = z.object({
  number: z.int(),
  status: z.enum(acpStatuses),
  formVersion: z.int(),
  values: formValuesRecord,
  /** Field keys that differ from the version before (empty for the first). */
  changed: z.array(z.string()),
  discussedOn: z.string().nullable(),
  savedAt: isoDateTime,
  savedBy: z.string(),
  confirmedAt: isoDateTime.nullable(),
  confirmedBy: z.string().nullable(),
  version: z.int(),
});
export type AcpVersion = z.infer<typeof acpVersion>;

export const acpOverview = z.object({
  definition: formDefinitionSchema,
  /** What the patient record says: the start of a first record. */
  prefill: formValuesRecord,
  versions: z.array(acpVersion),
  /** The latest confirmed version: the person's wishes as they stand. */
  current: z.int().nullable(),
  draft: z.int().nullable(),
});
export type AcpOverview = z.infer<typeof acpOverview>;

/** A new draft (the first record, or the next version started from the current one). */
export const acpCreateRequest = z.object({ values: formValuesRecord });
export type AcpCreateRequest = z.infer<typeof acpCreateRequest>;

/** A change of a version, with the version of the row as read (a change in between: 409). */
export const acpSaveRequest = z.object({ values: formValuesRecord, version: z.int() });
export type AcpSaveRequest = z.infer<typeof acpSaveRequest>;

export const acpConfirmRequest = z.object({ version: z.int() });
