// The fields of a structured post as the team reads them: vitals as value and unit (blood pressure
// as 上/下), a visit report as its headings. Shown on the timeline and on the family's page.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostKind, VisitReport, Vitals } from '../../../shared/schemas/structured-posts';
import { bowelMovements, vitalMeasures } from '../../../shared/vitals';
import { DateText } from '../../ui/DateText';
import { FactList } from '../../ui/FactList';
import { useLabel } from '../../ui/labels';
import './i18n';

type Props = { kind: PostKind; vitals: Partial<Vitals> | null; visitReport: Partial<VisitReport> | null };

function VitalsFacts({ vitals }: { vitals: Partial<Vitals> }) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const facts: [string, string][] = [];
  if (vitals.systolic !== undefined && vitals.diastolic !== undefined)
    facts.push([t('vitals.bloodPressure'), `${vitals.systolic}/${vitals.diastolic} mmHg`]);
  for (const m of vitalMeasures) {
    const value = vitals[m.code];
    if (value === undefined || m.code === 'systolic' || m.code === 'diastolic') continue;
    facts.push([label(vitalMeasures, m.code), `${value} ${m.unit}`]);
  }
  if (vitals.bowel) facts.push([t('vitals.bowel'), label(bowelMovements, vitals.bowel)]);
  return (
    <div className="structured-post">
      <Text size="sm" fw={700}>
        {t('vitals.title')}
        {vitals.measuredAt && (
          <>
            {' '}
            <DateText value={vitals.measuredAt} time />
          </>
        )}
      </Text>
      <FactList items={facts} />
    </div>
  );
}

function VisitReportFacts({ report }: { report: Partial<VisitReport> }) {
  const { t } = useTranslation('teams');
  const when = [report.startTime, report.endTime].filter(Boolean).join('〜');
  const facts: [string, ReactNode][] = [];
  for (const name of ['condition', 'care', 'handover'] as const)
    if (report[name])
      facts.push([
        t(`visitReport.${name}`),
        <span key={name} className="pre-line">
          {report[name]}
        </span>,
      ]);
  if (report.nextVisitOn)
    facts.push([t('visitReport.nextVisitOn'), <DateText key="next" value={report.nextVisitOn} />]);
  return (
    <div className="structured-post">
      <Text size="sm" fw={700}>
        {t('visitReport.title')} {report.visitedOn && <DateText value={report.visitedOn} />} {when}
      </Text>
      <FactList items={facts} />
    </div>
  );
}

export function StructuredPost({ kind, vitals, visitReport }: Props) {
  if (kind === 'vitals' && vitals) return <VitalsFacts vitals={vitals} />;
  if (kind === 'visit_report' && visitReport) return <VisitReportFacts report={visitReport} />;
  return null;
}
