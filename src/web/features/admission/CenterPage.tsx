// `/admission/center` — the support center's (and the city's) view of how the rule is kept: every
// overdue step of the city, who owes it since when (no patient: the center follows up with the
// hospital or the office), and the on-time rate per month, step and organisation.
import { Anchor, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInJapan } from '../../../shared/dates';
import {
  type CenterOverdue,
  type Performance,
  type Survey,
  surveyColumns,
} from '../../../shared/schemas/admission-episodes';
import { api, withQuery } from '../../api';
import { useLiveUpdates } from '../../live';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import { Section } from '../../ui/Section';
import { ParticipationRateTable, percentOf } from './ParticipationRates';

export default function CenterPage() {
  const { t } = useTranslation();
  useLiveUpdates();
  return (
    <Stack gap="xl">
      <PageTitle title={t('admission.center.title')} />
      <OverdueSection />
      <PerformanceSection />
      <SurveySection />
      <Section id="center-participation" title={t('admission.participation.rateHeading')}>
        <ParticipationRateTable />
      </Section>
    </Stack>
  );
}

function OverdueSection() {
  const { t } = useTranslation();
  const overdue = useQuery({
    queryKey: ['admission', 'center', 'overdue'],
    queryFn: () => api.get<CenterOverdue>('/api/admission/center/overdue'),
    refetchInterval: 60_000,
  });
  return (
    <Section id="center-overdue" title={t('admission.center.overdueHeading')}>
      {overdue.isPending && <Loading />}
      <ErrorAlert error={overdue.error} />
      {overdue.data && (
        <Stack gap="sm">
          <Text size="lg" fw={700}>
            {t('admission.center.overdueTotal', { n: overdue.data.total })}
          </Text>
          {overdue.data.items.length > 0 && (
            <ScrollTable label={t('admission.center.overdueHeading')} minWidth={720}>
              <thead>
                <tr>
                  <th scope="col">{t('admission.center.step')}</th>
                  <th scope="col">{t('admission.center.owner')}</th>
                  <th scope="col">{t('admission.center.dueOn')}</th>
                  <th scope="col">{t('admission.center.daysOverdue')}</th>
                  <th scope="col">{t('admission.episode.hospital')}</th>
                  <th scope="col">{t('admission.episode.careOffice')}</th>
                  <th scope="col">{t('admission.episode.admittedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.data.items.map((item) => (
                  <tr key={item.stepId}>
                    <td>{t(`admission.episode.steps.${item.step}`)}</td>
                    <td>{t(`admission.episode.owners.${item.ownerSide}`)}</td>
                    <td>
                      <DateText value={item.dueOn} />
                    </td>
                    <td>{t('admission.center.days', { n: item.daysOverdue })}</td>
                    <td>{item.hospitalName}</td>
                    <td>{item.careOfficeName ?? '—'}</td>
                    <td>
                      <DateText value={item.admittedOn} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
        </Stack>
      )}
    </Section>
  );
}

function PerformanceSection() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const performance = useQuery({
    queryKey: ['admission', 'center', 'performance', from, to],
    queryFn: () => api.get<Performance>(withQuery('/api/admission/center/performance', { from, to })),
  });
  return (
    <Section id="center-performance" title={t('admission.center.performanceHeading')}>
      <Stack gap="sm">
        <Text size="sm">{t('admission.center.performanceNote')}</Text>
        <Group>
          <TextInput
            type="month"
            label={t('admission.center.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="month"
            label={t('admission.center.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </Group>
        <ErrorAlert error={performance.error} />
        {performance.data?.rows.length === 0 && <Text>{t('admission.center.noPerformance')}</Text>}
        {performance.data && performance.data.rows.length > 0 && (
          <ScrollTable label={t('admission.center.performanceHeading')} minWidth={720}>
            <thead>
              <tr>
                <th scope="col">{t('admission.center.month')}</th>
                <th scope="col">{t('admission.center.step')}</th>
                <th scope="col">{t('admission.center.organisation')}</th>
                <th scope="col">{t('admission.center.onTimeRate')}</th>
                <th scope="col">{t('admission.center.onTime')}</th>
                <th scope="col">{t('admission.center.late')}</th>
                <th scope="col">{t('admission.center.stillOverdue')}</th>
                <th scope="col">{t('admission.center.dueCount')}</th>
              </tr>
            </thead>
            <tbody>
              {performance.data.rows.map((row) => (
                <tr key={`${row.month}-${row.step}-${row.organisationName}`}>
                  <td>{row.month}</td>
                  <td>{t(`admission.episode.steps.${row.step}`)}</td>
                  <td>{row.organisationName}</td>
                  <td>
                    <strong>{percentOf(row.onTime, row.due)}</strong>
                  </td>
                  <td>{row.onTime}</td>
                  <td>{row.late}</td>
                  <td>{row.overdue}</td>
                  <td>{row.due}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Stack>
    </Section>
  );
}

/** Last month as YYYY-MM: the survey asks about a month that has ended. */
function lastMonth(): string {
  const [year, month] = todayInJapan().split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 2, 1));
  return date.toISOString().slice(0, 7);
}

function SurveySection() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(lastMonth);
  const survey = useQuery({
    queryKey: ['admission', 'center', 'survey', month],
    queryFn: () => api.get<Survey>(withQuery('/api/admission/center/survey', { month })),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  const csv = (encoding: string) => withQuery('/api/admission/center/survey.csv', { month, encoding });
  return (
    <Section id="center-survey" title={t('admission.survey.heading')}>
      <Stack gap="sm">
        <Text size="sm">{t('admission.survey.note')}</Text>
        <Group align="flex-end">
          <TextInput
            type="month"
            label={t('admission.survey.month')}
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
          />
          <Anchor href={csv('utf-8')} download>
            {t('admission.survey.csv')}
          </Anchor>
          <Anchor href={csv('shift_jis')} download>
            {t('admission.survey.csvSjis')}
          </Anchor>
        </Group>
        <ErrorAlert error={survey.error} />
        {survey.data &&
          (['byOffice', 'byHospital'] as const).map((group) => (
            <ScrollTable key={group} label={t(`admission.survey.${group}`)} minWidth={760}>
              <thead>
                <tr>
                  <th scope="col">{t(`admission.survey.${group}`)}</th>
                  {surveyColumns.map((column) => (
                    <th key={column} scope="col">
                      {t(`admission.survey.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {survey.data[group].length === 0 && (
                  <tr>
                    <td colSpan={surveyColumns.length + 1}>{t('admission.survey.none')}</td>
                  </tr>
                )}
                {survey.data[group].map((row) => (
                  <tr key={row.name}>
                    <th scope="row">{row.name}</th>
                    {surveyColumns.map((column) => (
                      <td key={column}>{row[column]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ))}
      </Stack>
    </Section>
  );
}
