// Patients (利用者) and their consent: the payloads of /api/patients. Messages are Japanese: they
// reach people through the forms.
import { z } from 'zod';
import { todayInJapan } from '../dates';
import {
  careLevelCodes,
  consentMethodCodes,
  consentScopeCodes,
  dementiaIndependenceCodes,
  insuredNumberPattern,
  keyPersonRelationCodes,
  physicalIndependenceCodes,
  sexCodes,
} from '../patients';
import { calendarDate, idSchema, isoDateTime, kanaText, optionalText, requiredText } from './common';
import { storedFile } from './files';

/** A calendar date (YYYY-MM-DD) that exists and is not in the future (Japan time). */
export const pastDate = (what: string) =>
  calendarDate(what)
    .refine((value) => value <= todayInJapan(), { error: `${what}に未来の日付は指定できません` })
    .refine((value) => value >= '1880-01-01', { error: `${what}が古すぎます。確かめてください` });

const phone = z
  .string()
  .trim()
  .max(30, { error: '電話番号は30文字以内で入力してください' })
  .regex(/^[0-9０-９\-－()（） ]*$/, { error: '電話番号は数字とハイフンで入力してください' })
  .optional();

export const keyPerson = z.object({
  name: requiredText(50),
  relation: z.enum(keyPersonRelationCodes, { error: '続柄を選んでください' }),
  phone,
  notes: optionalText(200),
});
export type KeyPerson = z.infer<typeof keyPerson>;

/** A physician or care manager: the office from the directory, and the person's name. */
export const assignedProfessional = z.object({
  servicePointId: idSchema.nullable().default(null),
  name: optionalText(50),
});

export const patientFields = z.object({
  name: requiredText(50),
  kana: kanaText(60),
  birthDate: pastDate('生年月日'),
  sex: z.enum(sexCodes, { error: '性別を選んでください' }),
  address: optionalText(200),
  areaId: idSchema.nullable().default(null),
  phone,
  insuredNumber: z
    .string()
    .trim()
    .regex(insuredNumberPattern, { error: '被保険者番号は10桁の数字で入力してください' })
    .optional()
    .or(z.literal('')),
  careLevel: z.enum(careLevelCodes, { error: '要介護度を選んでください' }).nullable().default(null),
  physicalIndependence: z.enum(physicalIndependenceCodes).nullable().default(null),
  dementiaIndependence: z.enum(dementiaIndependenceCodes).nullable().default(null),
  livesAlone: z.boolean().default(false),
  keyPersons: z.array(keyPerson).max(10, { error: 'キーパーソン・連絡先は10人までです' }).default([]),
  primaryPhysician: assignedProfessional.default({ servicePointId: null }),
  careManager: assignedProfessional.default({ servicePointId: null }),
  medicalHistory: optionalText(2000),
  medication: optionalText(2000),
  allergies: optionalText(500),
});
export type PatientFields = z.infer<typeof patientFields>;
export type PatientFieldsInput = z.input<typeof patientFields>;

export const patientCreateRequest = patientFields.extend({
  organisationId: idSchema,
  /** Register even though a patient with the same reading and birth date exists (after the warning). */
  confirmDuplicate: z.boolean().default(false),
});

export const patientUpdateRequest = patientFields.extend({
  /** The version the form was filled from: another edit in between answers 409 with the current one. */
  version: z.number().int().min(1),
});

export const patientSearchQuery = z.object({
  q: z.string().trim().max(60, { error: '検索語は60文字以内で入力してください' }).optional(),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '生年月日は 1945-04-01 の形で入力してください' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const patientSummary = z.object({
  id: idSchema,
  name: z.string(),
  kana: z.string(),
  birthDate: z.string(),
  sex: z.enum(sexCodes),
  careLevel: z.enum(careLevelCodes).nullable(),
  address: z.string().nullable(),
  organisationId: idSchema,
  organisationName: z.string(),
  updatedAt: isoDateTime,
});
export type PatientSummary = z.infer<typeof patientSummary>;

export const patientList = z.object({ items: z.array(patientSummary), more: z.boolean() });

/** The answer to a registration that matches existing patients (409 details). */
export const possibleDuplicates = z.object({ duplicates: z.array(patientSummary) });

export const consent = z.object({
  id: idSchema,
  scope: z.enum(consentScopeCodes),
  method: z.enum(consentMethodCodes),
  consentedOn: z.string(),
  notes: z.string().nullable(),
  recordedBy: z.object({ id: idSchema, name: z.string() }),
  recordedAt: isoDateTime,
  organisationName: z.string(),
  withdrawnAt: isoDateTime.nullable(),
  withdrawnBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  withdrawalReason: z.string().nullable(),
  inForce: z.boolean(),
  /** The scanned consent form (同意書の写し), when one was attached. */
  document: storedFile.nullable(),
});
export type Consent = z.infer<typeof consent>;

export const consentCreateRequest = z.object({
  scopes: z
    .array(z.enum(consentScopeCodes, { error: '同意の範囲を選んでください' }))
    .min(1, { error: '同意の範囲を1つ以上選んでください' })
    .max(consentScopeCodes.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, { error: '同じ範囲が重複しています' }),
  method: z.enum(consentMethodCodes, { error: '同意の方法を選んでください' }),
  consentedOn: pastDate('同意日'),
  notes: optionalText(500),
  /** A scan of the signed form, uploaded beforehand (POST /api/patients/:patientId/files). */
  documentFileId: idSchema.optional(),
});
export const consentDocumentRequest = z.object({ fileId: idSchema });

export const consentWithdrawRequest = z.object({ reason: requiredText(500) });

export const patientDetail = patientFields.extend({
  id: idSchema,
  version: z.number().int(),
  organisationId: idSchema,
  organisationName: z.string(),
  primaryPhysician: assignedProfessional.extend({ servicePointName: z.string().nullable() }),
  careManager: assignedProfessional.extend({ servicePointName: z.string().nullable() }),
  areaName: z.string().nullable(),
  consents: z.array(consent),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type PatientDetail = z.infer<typeof patientDetail>;

export const patientParams = z.object({ patientId: idSchema });
export const consentParams = z.object({ patientId: idSchema, consentId: idSchema });
