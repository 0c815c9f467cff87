// The prefecture's rule-operation survey (入退院支援ルール運用状況調査, forms.md §4) answered from the
// platform's own episodes for one month: per care-management office and per hospital, the stays that
// began and ended and what was done for them — no patient in it. Also as CSV for the city's Excel
// (UTF-8 with BOM, or Shift_JIS).
import { and, eq, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Survey, type SurveyRow, surveyColumns } from '../../../shared/schemas/admission-episodes';
import type { DbOrTx } from '../../db/client';
import { admissionEpisodeSteps, admissionEpisodes, servicePoints } from '../../db/schema';
import { csvFile } from '../directory/export-csv';

const office = alias(servicePoints, 'survey_office');
const hospital = alias(servicePoints, 'survey_hospital');
const stepOf = (name: string) => alias(admissionEpisodeSteps, `survey_${name}`);
const info = stepOf('info');
const notice = stepOf('notice');
const conference = stepOf('conference');
const record = stepOf('record');

const lastDay = (month: string) => {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, m ?? 0, 0)).toISOString().slice(0, 10);
};

async function figuresBy(db: DbOrTx, month: string, name: SQL<string>): Promise<SurveyRow[]> {
  const from = `${month}-01`;
  const to = lastDay(month);
  const admitted = sql`${admissionEpisodes.admittedOn} BETWEEN ${from} AND ${to}`;
  const discharged = sql`${admissionEpisodes.dischargedOn} BETWEEN ${from} AND ${to}`;
  const count = (condition: SQL) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;
  const done = (step: typeof info) => sql`${step.status} = 'done'`;
  const joined = (step: typeof info, stepName: string) =>
    and(eq(step.episodeId, admissionEpisodes.id), eq(step.step, stepName));
  const rows = await db
    .select({
      name,
      admitted: count(admitted),
      infoProvided: count(sql`${admitted} AND ${done(info)}`),
      infoOnTime: count(sql`${admitted} AND ${done(info)} AND ${info.doneOn} <= ${info.dueOn}`),
      discharged: count(discharged),
      noticeGiven: count(sql`${discharged} AND ${done(notice)}`),
      conferenceHeld: count(sql`${discharged} AND ${done(conference)}`),
      dischargeRecorded: count(sql`${discharged} AND ${done(record)}`),
    })
    .from(admissionEpisodes)
    .innerJoin(hospital, eq(hospital.id, admissionEpisodes.hospitalPointId))
    .leftJoin(office, eq(office.id, admissionEpisodes.careOfficePointId))
    .leftJoin(info, joined(info, 'admission_info'))
    .leftJoin(notice, joined(notice, 'discharge_notice'))
    .leftJoin(conference, joined(conference, 'conference'))
    .leftJoin(record, joined(record, 'discharge_info'))
    .where(
      or(
        and(gte(admissionEpisodes.admittedOn, from), lte(admissionEpisodes.admittedOn, to)),
        and(gte(admissionEpisodes.dischargedOn, from), lte(admissionEpisodes.dischargedOn, to)),
      ),
    )
    .groupBy(name)
    .orderBy(name);
  return rows;
}

export async function surveyOf(db: DbOrTx, month: string): Promise<Survey> {
  const [byOffice, byHospital] = await Promise.all([
    figuresBy(db, month, sql<string>`coalesce(${office.name}, '（事業所の登録なし）')`),
    figuresBy(db, month, sql<string>`${hospital.name}`),
  ]);
  return { month, byOffice, byHospital };
}

/** The CSV's column names (the page takes the same words from its translations). */
const columnNames: Record<(typeof surveyColumns)[number], string> = {
  admitted: '入院した利用者',
  infoProvided: '入院時情報を提供',
  infoOnTime: 'うち期限内',
  discharged: '退院した利用者',
  noticeGiven: '病院から退院前の連絡',
  conferenceHeld: '退院前カンファレンス',
  dischargeRecorded: '退院・退所情報の記録',
};
const HEADER = ['区分', '名称', ...surveyColumns.map((column) => columnNames[column])];

/** The survey as a CSV file: one line per office, then one per hospital. */
export function surveyCsv(figures: Survey, encoding: 'utf-8' | 'shift_jis'): Buffer {
  const line = (kind: string, row: SurveyRow) => [
    kind,
    row.name,
    ...surveyColumns.map((column) => String(row[column])),
  ];
  return csvFile(
    [
      HEADER,
      ...figures.byOffice.map((row) => line('居宅介護支援事業所', row)),
      ...figures.byHospital.map((row) => line('病院', row)),
    ],
    encoding,
  );
}
