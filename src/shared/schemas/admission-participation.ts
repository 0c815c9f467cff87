// Participation in the admission and discharge support rule (入退院支援ルール参加登録): which hospitals
// and care-management offices operate it, each hospital's admission/discharge window (入退院支援窓口),
// and the participation rate by kind and area — the city's indicator of how far the rule reaches.
import { z } from 'zod';
import { idSchema, isoDateTime } from './common';
import { blankToNull, phoneNumber } from './directory-maintenance';

/** The directory kinds that take part: hospitals and care-management offices (居宅介護支援, 430). */
export const participantKinds = ['hospital', '430'] as const;
export type ParticipantKind = (typeof participantKinds)[number];
export const isParticipantKind = (code: string): code is ParticipantKind =>
  (participantKinds as readonly string[]).includes(code);

export const participationStatuses = ['participating', 'not_participating', 'unanswered'] as const;
export type ParticipationStatus = (typeof participationStatuses)[number];

const windowText = (what: string, max: number) =>
  blankToNull(z.string().trim().max(max, `${what}は${max}文字以内で入力してください。`));

export const participationUpdate = z.object({
  participates: z.boolean({ error: '参加するかどうかを選んでください。' }),
  windowDepartment: windowText('窓口の部署', 100),
  windowPhone: phoneNumber('窓口の電話番号'),
  windowFax: phoneNumber('窓口のFAX番号'),
  windowHours: windowText('受付時間', 200),
  socialWorkerOnStaff: z.boolean(),
  dischargeNurseOnStaff: z.boolean(),
  notes: windowText('備考', 500),
  /** The version read (null: nothing declared yet); another one saved in between is a 409. */
  version: z.int().min(1).nullable(),
});
export type ParticipationUpdate = z.output<typeof participationUpdate>;

export const participationQuery = z.object({
  kind: z.enum(participantKinds).default('hospital'),
  areaId: idSchema.optional(),
  status: z.enum(participationStatuses).optional(),
});
export type ParticipationQuery = z.infer<typeof participationQuery>;

export const participationEntry = z.object({
  servicePointId: z.string(),
  name: z.string(),
  kind: z.enum(participantKinds),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  address: z.string(),
  /** The entry's own phone and FAX (the directory's), for when no window is given. */
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  /** Whether the entry's organisation uses the platform (forms can be sent inside it). */
  onPlatform: z.boolean(),
  status: z.enum(participationStatuses),
  declaration: z
    .object({
      windowDepartment: z.string().nullable(),
      windowPhone: z.string().nullable(),
      windowFax: z.string().nullable(),
      windowHours: z.string().nullable(),
      socialWorkerOnStaff: z.boolean(),
      dischargeNurseOnStaff: z.boolean(),
      notes: z.string().nullable(),
      declaredAt: isoDateTime,
      version: z.int(),
    })
    .nullable(),
  /** The reader may change this entry's declaration (its organisation's admin, or the center). */
  mayDeclare: z.boolean(),
});
export type ParticipationEntry = z.infer<typeof participationEntry>;

/** Counts for one kind in one area (areaId null: entries with no area), and for the city (total). */
export const participationRate = z.object({
  kind: z.enum(participantKinds),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  entries: z.int(),
  participating: z.int(),
  notParticipating: z.int(),
});
export type ParticipationRate = z.infer<typeof participationRate>;

export const participationRates = z.object({
  byArea: z.array(participationRate),
  total: z.array(participationRate),
});
export type ParticipationRates = z.infer<typeof participationRates>;

export const participationList = z.object({
  entries: z.array(participationEntry),
  /** More entries match than are listed: narrow by area or status. */
  truncated: z.boolean(),
  areas: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ParticipationList = z.infer<typeof participationList>;

export const participationWriteResult = z.object({ entry: participationEntry });
