// Admission episodes (入退院): one hospital stay, its steps with their owners and due dates from the
// rule, how each was done (inside the platform, or by FAX, phone, post or by hand), the discharge and
// its outcome; the overdue and due-soon lists and the center's view of how the rule is kept.
import { z } from 'zod';
import { calendarDate, idSchema, isoDateTime } from './common';
import { csvEncoding } from './directory';
import { storedFile } from './files';

export const episodeSteps = ['admission_info', 'discharge_notice', 'conference', 'discharge_info'] as const;
export type EpisodeStep = (typeof episodeSteps)[number];

/** Who does the step: the hospital's window or the care-management office (the care manager). */
export const ownerSides = ['hospital', 'care_office'] as const;
export type OwnerSide = (typeof ownerSides)[number];

export const stepOwners: Record<EpisodeStep, OwnerSide> = {
  admission_info: 'care_office',
  discharge_notice: 'hospital',
  conference: 'hospital',
  discharge_info: 'care_office',
};

/** missed: the hospital's step still open when the patient left (counted as not done, off the lists). */
export const stepStatuses = ['pending', 'done', 'not_needed', 'missed'] as const;
export type StepStatus = (typeof stepStatuses)[number];

/** How a step is recorded as done outside the platform (a hospital without an account, a call, a visit). */
export const recordMethods = ['fax', 'phone', 'hand', 'post', 'in_person'] as const;
/** …or inside it: a form sent to the hospital's window, or a record confirmed (platform). */
export const stepMethods = ['platform', ...recordMethods] as const;
export type StepMethod = (typeof stepMethods)[number];

export const outcomes = ['home', 'transfer', 'death', 'facility'] as const;
export type Outcome = (typeof outcomes)[number];

/** Days ahead that count as "due soon" (期限間近) on the lists. */
export const DUE_SOON_DAYS = 2;

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what}は${max}文字以内で入力してください。`)
    .transform((value) => value || null)
    .nullable()
    .optional();

export const episodeOpenRequest = z.object({
  hospitalPointId: idSchema,
  admittedOn: calendarDate('入院日'),
  ward: text('病棟', 100),
  needsConference: z.boolean(),
  notes: text('メモ', 1000),
});
export type EpisodeOpenRequest = z.input<typeof episodeOpenRequest>;

export const expectedDischargeRequest = z.object({
  expectedDischargeOn: calendarDate('退院予定日').nullable(),
  needsConference: z.boolean(),
  /** The episode's version read: another change in between is a 409. */
  version: z.int(),
});
export type ExpectedDischargeRequest = z.input<typeof expectedDischargeRequest>;

export const stepRecordRequest = z.object({
  doneOn: calendarDate('実施日'),
  method: z.enum(recordMethods, { error: '方法を選んでください。' }),
  /** The person on the other side (FAX の送付先, 電話の相手 …). */
  counterpart: text('相手の方', 100),
  notes: text('メモ', 2000),
  /** 退院前カンファレンス: who took part and what was agreed. */
  participants: text('参加者', 1000),
  minutes: text('記録', 10_000),
  /** The step's version read. */
  version: z.int(),
});
export type StepRecordRequest = z.input<typeof stepRecordRequest>;

export const conferenceScheduleRequest = z.object({
  scheduledAt: z.iso.datetime({ offset: true, error: '日時を正しく入力してください。' }),
  participants: text('参加予定者', 1000),
  version: z.int(),
});
export type ConferenceScheduleRequest = z.input<typeof conferenceScheduleRequest>;

export const dischargeRequest = z.object({
  dischargedOn: calendarDate('退院日'),
  outcome: z.enum(outcomes, { error: '退院の形を選んでください。' }),
  /** 転院: the hospital the patient moves to (a linked episode opens there). */
  transferHospitalPointId: idSchema.optional(),
  version: z.int(),
});
export type DischargeRequest = z.input<typeof dischargeRequest>;

export const episodeParams = z.object({ episodeId: idSchema });
export const stepParams = z.object({ episodeId: idSchema, step: z.enum(episodeSteps) });
export const teamEpisodesParams = z.object({ teamId: idSchema });

export const episodeStepView = z.object({
  step: z.enum(episodeSteps),
  ownerSide: z.enum(ownerSides),
  dueOn: z.string().nullable(),
  status: z.enum(stepStatuses),
  /** pending past its due date (期限超過), or due within DUE_SOON_DAYS (期限間近). */
  timing: z.enum(['overdue', 'due_soon', 'later', 'no_date', 'on_time', 'late', 'closed', 'missed']),
  doneOn: z.string().nullable(),
  method: z.enum(stepMethods).nullable(),
  counterpart: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: isoDateTime.nullable(),
  receivedAt: isoDateTime.nullable(),
  receivedBy: z.string().nullable(),
  scheduledAt: isoDateTime.nullable(),
  participants: z.string().nullable(),
  minutes: z.string().nullable(),
  /** 入院時情報提供: the fees of the rule, the day each must be met by, and the one earned. */
  fees: z.array(z.object({ label: z.string(), units: z.int(), by: z.string(), earned: z.boolean() })),
  version: z.int(),
});
export type EpisodeStepView = z.infer<typeof episodeStepView>;

const pointRef = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  /** Its organisation uses the platform: forms can be sent and received inside it. */
  onPlatform: z.boolean(),
});

/** What a file on an episode is (the documents a hospital stay collects). */
export const episodeFileKinds = ['referral', 'nursing_summary', 'care_plan', 'other'] as const;
export type EpisodeFileKind = (typeof episodeFileKinds)[number];
export const episodeFileQuery = z.object({
  kind: z.enum(episodeFileKinds, { error: '書類の種類を選んでください。' }),
});
export const episodeFileParams = z.object({ episodeId: idSchema, fileId: idSchema });

export const episodeFile = storedFile.extend({
  kind: z.enum(episodeFileKinds),
  attachedBy: z.string(),
  attachedAt: isoDateTime,
});
export type EpisodeFile = z.infer<typeof episodeFile>;

export const episodeView = z.object({
  id: z.string(),
  teamId: z.string(),
  patient: z.object({ id: z.string(), name: z.string() }),
  hospital: pointRef,
  careOffice: pointRef.nullable(),
  rule: z.object({ id: z.string(), version: z.int(), title: z.string() }),
  admittedOn: z.string(),
  ward: z.string().nullable(),
  expectedDischargeOn: z.string().nullable(),
  dischargedOn: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  needsConference: z.boolean(),
  transferredFromId: z.string().nullable(),
  transferredToId: z.string().nullable(),
  notes: z.string().nullable(),
  steps: z.array(episodeStepView),
  files: z.array(episodeFile),
  /** The reader works at the hospital (its window): it acknowledges the admission information. */
  atHospital: z.boolean(),
  version: z.int(),
});
export type EpisodeView = z.infer<typeof episodeView>;

export const episodeSummary = z.object({
  id: z.string(),
  hospitalName: z.string(),
  admittedOn: z.string(),
  dischargedOn: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  /** The first pending step with a date, for the list. */
  next: z.object({ step: z.enum(episodeSteps), dueOn: z.string(), timing: z.string() }).nullable(),
});
export const teamEpisodes = z.object({ items: z.array(episodeSummary) });
export type TeamEpisodes = z.infer<typeof teamEpisodes>;

/** An episode still in hospital that the reader takes part in (their team's, or at their hospital). */
export const openEpisodeItem = z.object({
  episodeId: z.string(),
  patientName: z.string(),
  hospitalName: z.string(),
  admittedOn: z.string(),
  expectedDischargeOn: z.string().nullable(),
  /** The reader works at the hospital. */
  atHospital: z.boolean(),
});
export type OpenEpisodeItem = z.infer<typeof openEpisodeItem>;
/** `more`: the list stops at its limit (the home page says there are more). */
export const openEpisodes = z.object({ items: z.array(openEpisodeItem), more: z.boolean() });

/** A pending step on someone's list (the owner's home page: the patient's name is theirs to see). */
export const dueStepItem = z.object({
  episodeId: z.string(),
  step: z.enum(episodeSteps),
  dueOn: z.string(),
  timing: z.enum(['overdue', 'due_soon']),
  patientName: z.string(),
  hospitalName: z.string(),
});
export type DueStepItem = z.infer<typeof dueStepItem>;
export const myDueSteps = z.object({ items: z.array(dueStepItem), more: z.boolean() });

/** The center's list: no patient, only who owes which step since when (it follows up by phone). */
export const centerOverdueItem = z.object({
  /** The step's own id (a key for lists; it leads to no patient). */
  stepId: z.string(),
  step: z.enum(episodeSteps),
  ownerSide: z.enum(ownerSides),
  dueOn: z.string(),
  daysOverdue: z.int(),
  hospitalName: z.string(),
  careOfficeName: z.string().nullable(),
  admittedOn: z.string(),
});
export const centerOverdue = z.object({ items: z.array(centerOverdueItem), total: z.int() });
export type CenterOverdue = z.infer<typeof centerOverdue>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月は 2026-04 の形で入力してください。');
export const performanceQuery = z.object({ from: month.optional(), to: month.optional() });

/** On-time rate of one step for one organisation (the owner) in one month (of the due date). */
export const performanceRow = z.object({
  month: z.string(),
  step: z.enum(episodeSteps),
  organisationName: z.string(),
  due: z.int(),
  onTime: z.int(),
  late: z.int(),
  overdue: z.int(),
});
export const performance = z.object({ rows: z.array(performanceRow) });
export type Performance = z.infer<typeof performance>;

/**
 * The figures of the prefecture's rule-operation survey (入退院支援ルール運用状況調査) for one month,
 * from the platform's own episodes: per care-management office and per hospital, no patient.
 */
export const surveyQuery = z.object({
  month,
  encoding: csvEncoding,
});
/** The survey's figures, in the order of its table and its CSV. */
export const surveyColumns = [
  'admitted',
  'infoProvided',
  'infoOnTime',
  'discharged',
  'noticeGiven',
  'conferenceHeld',
  'dischargeRecorded',
] as const;

export const surveyRow = z.object({
  name: z.string(),
  /** 入院した利用者 (admitted in the month). */
  admitted: z.int(),
  /** 入院時情報を提供した / そのうち期限内. */
  infoProvided: z.int(),
  infoOnTime: z.int(),
  /** 退院した利用者 (discharged in the month). */
  discharged: z.int(),
  /** 退院前に病院から連絡があった / 退院前カンファレンスが開かれた / 退院・退所情報を記録した. */
  noticeGiven: z.int(),
  conferenceHeld: z.int(),
  dischargeRecorded: z.int(),
});
export type SurveyRow = z.infer<typeof surveyRow>;
export const survey = z.object({
  month: z.string(),
  byOffice: z.array(surveyRow),
  byHospital: z.array(surveyRow),
});
export type Survey = z.infer<typeof survey>;
