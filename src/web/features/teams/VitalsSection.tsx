// The patient's vitals over the last days, from the team's vitals posts: one measure at a time as a
// chart, and every value in a table (the chart's text alternative). Refreshed live with the timeline.
import { Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../shared/labelled';
import type { VitalsSeries } from '../../../shared/schemas/structured-posts';
import { type VitalChart, vitalCharts, vitalMeasures } from '../../../shared/vitals';
import { api, withQuery } from '../../api';
import { teamKey } from '../../live';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useLang } from '../../ui/labels';
import { ScrollTable } from '../../ui/ScrollTable';
import { teamPath } from './use-team';
import './i18n';

const VitalsChart = lazy(() => import('./VitalsChart'));
const PERIODS = [7, 30, 90] as const;

function useVitals(teamId: string, days: number) {
  return useQuery({
    queryKey: [...teamKey(teamId), 'vitals', days],
    queryFn: () => api.get<VitalsSeries>(withQuery(teamPath(teamId, '/vitals'), { days })),
  });
}

export function VitalsSection({ teamId }: { teamId: string }) {
  const { t } = useTranslation('teams');
  const lang = useLang();
  const [chart, setChart] = useState<VitalChart>('bloodPressure');
  const [days, setDays] = useState<number>(30);
  const vitals = useVitals(teamId, days);
  const measures = vitalCharts.find((c) => c.code === chart)?.measures ?? [];
  const items = vitals.data?.items ?? [];
  const shown = useMemo(
    () => items.filter((item) => measures.some((m) => item.vitals[m] !== undefined)),
    [items, measures],
  );
  const times = useMemo(() => shown.map((item) => Date.parse(item.vitals.measuredAt)), [shown]);
  const series = useMemo(
    () =>
      measures.map((m, index) => ({
        label: labelOf(vitalMeasures, m, lang),
        values: shown.map((item) => item.vitals[m] ?? null),
        dashed: index > 0,
      })),
    [measures, shown, lang],
  );
  const unit = vitalMeasures.find((m) => m.code === measures[0])?.unit ?? '';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="vitals-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="vitals-heading">
          {t('vitals.chart')}
        </Title>
        <Text size="sm">{t('vitals.chartLead')}</Text>
        <Group grow gap="sm">
          <NativeSelect
            label={t('vitals.measure')}
            value={chart}
            onChange={(event) => setChart(event.currentTarget.value as VitalChart)}
            data={vitalCharts.map((c) => ({ value: c.code, label: t(`charts.${c.code}`) }))}
          />
          <NativeSelect
            label={t('vitals.days')}
            value={String(days)}
            onChange={(event) => setDays(Number(event.currentTarget.value))}
            data={PERIODS.map((p) => ({ value: String(p), label: t('vitals.lastDays', { count: p }) }))}
          />
        </Group>
        {vitals.isPending ? (
          <Loading />
        ) : vitals.error ? (
          <ErrorAlert error={vitals.error} />
        ) : shown.length === 0 ? (
          <Text c="dimmed">{t('vitals.none')}</Text>
        ) : (
          <>
            <Suspense fallback={<Loading />}>
              <VitalsChart
                times={times}
                series={series}
                unit={unit}
                label={t('vitals.chartLabel', { measure: t(`charts.${chart}`), count: days })}
              />
            </Suspense>
            <details>
              <summary>{t('vitals.table')}</summary>
              <ScrollTable label={t('vitals.table')} minWidth={360}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('vitals.when')}</Table.Th>
                    {series.map((s) => (
                      <Table.Th key={s.label}>
                        {s.label}（{unit}）
                      </Table.Th>
                    ))}
                    <Table.Th>{t('vitals.recordedBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((item, row) => (
                    <Table.Tr key={item.postId}>
                      <Table.Td>
                        <DateText value={item.vitals.measuredAt} time />
                      </Table.Td>
                      {series.map((s) => (
                        <Table.Td key={s.label}>{s.values[row] ?? '—'}</Table.Td>
                      ))}
                      <Table.Td>{item.recordedBy}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            </details>
          </>
        )}
      </Stack>
    </Card>
  );
}
