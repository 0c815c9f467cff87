// What the composer edits, and how it becomes the request: numbers are typed as text (full-width
// digits welcome), the time of measurement as a date and a time in Japan, files as the uploads made.
import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { clockInJapan, instantInJapan, todayInJapan } from '../../../shared/dates';
import type { StoredFile } from '../../../shared/schemas/files';
import type { writtenPostKinds } from '../../../shared/schemas/structured-posts';
import { postCreateRequest, postUpdateRequest, type TeamPost } from '../../../shared/schemas/teams';
import { type VitalMeasure, vitalMeasures } from '../../../shared/vitals';

export type VitalsInput = { date: string; time: string; bowel: string } & Record<VitalMeasure, string>;
export type VisitReportInput = {
  visitedOn: string;
  startTime: string;
  endTime: string;
  condition: string;
  care: string;
  handover: string;
  nextVisitOn: string;
};

export type ComposerValues = {
  kind: (typeof writtenPostKinds)[number];
  body: string;
  urgent: boolean;
  mentions: string[];
  forFamily: boolean;
  parentId?: string;
  attachments: StoredFile[];
  vitals: VitalsInput;
  visitReport: VisitReportInput;
};

export function emptyVitals(now = new Date()): VitalsInput {
  const measures = Object.fromEntries(vitalMeasures.map((m) => [m.code, ''])) as Record<VitalMeasure, string>;
  return { date: todayInJapan(now), time: clockInJapan(now), bowel: '', ...measures };
}

export const emptyVisitReport = (): VisitReportInput => ({
  visitedOn: todayInJapan(),
  startTime: '',
  endTime: '',
  condition: '',
  care: '',
  handover: '',
  nextVisitOn: '',
});

/** 「３７．５」 → 37.5; empty → not given; anything else → NaN, which the schema names. */
function numberOf(text: string): number | undefined {
  const half = text.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return half === '' ? undefined : Number(half);
}

const given = (text: string) => text.trim() || undefined;

type VitalsRequest = NonNullable<z.input<typeof postCreateRequest>['vitals']>;

export function vitalsRequest(input: VitalsInput): VitalsRequest {
  return {
    measuredAt: instantInJapan(input.date, input.time),
    ...Object.fromEntries(vitalMeasures.map((m) => [m.code, numberOf(input[m.code])])),
    bowel: given(input.bowel),
  } as VitalsRequest;
}

type VisitReportRequest = NonNullable<z.input<typeof postCreateRequest>['visitReport']>;

/** Empty fields are not given; the visit date always is (the schema names it when empty). */
export function visitReportRequest(input: VisitReportInput): VisitReportRequest {
  const fields = Object.entries(input).map(([key, value]) => [key, given(value)]);
  return { ...Object.fromEntries(fields), visitedOn: input.visitedOn } as VisitReportRequest;
}

export function postRequest(values: ComposerValues): z.input<typeof postCreateRequest> {
  return {
    kind: values.kind,
    body: values.body,
    urgent: values.urgent,
    mentions: values.mentions,
    forFamily: values.forFamily,
    parentId: values.parentId,
    attachmentIds: values.attachments.map((file) => file.id),
    vitals: values.kind === 'vitals' ? vitalsRequest(values.vitals) : undefined,
    visitReport: values.kind === 'visit_report' ? visitReportRequest(values.visitReport) : undefined,
  };
}

/**
 * The form's values checked as the request they become; an issue's path (vitals.pulse, …) is the
 * field's name, so each message lands beside its field.
 */
export const composerSchema = z.custom<ComposerValues>().transform(postRequest).pipe(postCreateRequest);

export type PostRequest = z.output<typeof postCreateRequest>;
/** What the structured fields use of the form (whichever request it becomes). */
export type ComposerFields = Pick<UseFormReturn<ComposerValues>, 'register' | 'formState'>;

/** A post's values as the form edits them (to change it). */
export function valuesOf(post: TeamPost): ComposerValues {
  const vitals = post.vitals;
  const report = post.visitReport;
  return {
    // A notice is nobody's to edit; the form never opens for one.
    kind: post.kind === 'notice' ? 'text' : post.kind,
    body: post.body ?? '',
    urgent: post.urgent,
    mentions: post.mentions.map((m) => m.userId),
    forFamily: post.forFamily,
    attachments: post.attachments,
    vitals: vitals
      ? {
          ...emptyVitals(new Date(vitals.measuredAt)),
          ...Object.fromEntries(vitalMeasures.map((m) => [m.code, String(vitals[m.code] ?? '')])),
          bowel: vitals.bowel ?? '',
        }
      : emptyVitals(),
    visitReport: { ...emptyVisitReport(), ...report },
  };
}

/** The change of a post: new words and, for a structured post, its new fields (version added on sending). */
export const editSchema = z
  .custom<ComposerValues>()
  .transform((values): z.input<typeof postUpdateRequest> => {
    const { body, vitals, visitReport } = postRequest(values);
    return { body: body ?? '', vitals, visitReport, version: 0 };
  })
  .pipe(postUpdateRequest);
