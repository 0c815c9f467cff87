import { Alert, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../ui/DateText';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { FactList } from '../../../ui/FactList';
import { Loading } from '../../../ui/Loading';
import { type ImportRunDetail, runsKey, useRun } from './api';
import { RejectedRows } from './RejectedRows';
import { RunStatusBadge } from './RunStatusBadge';
import './i18n';

type Run = ImportRunDetail['run'];
const countNames = ['rowsRead', 'added', 'updated', 'unchanged', 'withdrawn', 'rejected'] as const;

function RunProgress({ run }: { run: Run }) {
  const { t } = useTranslation();
  const progress = run.progress;
  const percent =
    progress && progress.totalBytes > 0 ? Math.floor((progress.bytesRead / progress.totalBytes) * 100) : 0;
  return (
    <Stack gap={4}>
      <Progress value={percent} size="lg" animated aria-label={t('directoryImport.run.progress')} />
      <Text size="sm">
        {t('directoryImport.run.progressText', {
          percent,
          rows: (progress?.rowsRead ?? 0).toLocaleString('ja-JP'),
        })}
      </Text>
    </Stack>
  );
}

function Counts({ run }: { run: Run }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="counts-heading">
      <Title order={3} id="counts-heading" mb={4}>
        {t('directoryImport.run.counts')}
      </Title>
      <Text size="sm" mb="xs">
        {t('directoryImport.run.countsHint')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} component="dl" className="import-counts">
        {countNames.map((name) => (
          <div key={name}>
            <Text component="dt" size="sm">
              {t(`directoryImport.run.${name}`)}
            </Text>
            <Text component="dd" fw={700} size="xl" m={0}>
              {run[name].toLocaleString('ja-JP')}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Details({ run }: { run: Run }) {
  const { t } = useTranslation();
  const items = [
    [t('directoryImport.run.layout'), run.layout ? t(`directoryImport.layouts.${run.layout}`) : '—'],
    [t('directoryImport.run.encoding'), run.encoding ? t(`directoryImport.encodings.${run.encoding}`) : '—'],
    [t('directoryImport.run.mode'), t(`directoryImport.modes.${run.mode}`)],
    [t('directoryImport.run.startedAt'), <DateText key="s" value={run.startedAt} time />],
    [t('directoryImport.run.finishedAt'), <DateText key="f" value={run.finishedAt} time fallback="—" />],
    [t('directoryImport.run.startedBy'), run.startedByName ?? t('directoryImport.run.byCommand')],
    [
      t('directoryImport.run.checksum'),
      <span key="c" className="mono">
        {run.checksum}
      </span>,
    ],
  ] as const;
  return <FactList items={items} />;
}

function Repairs({ run }: { run: Run }) {
  const { t } = useTranslation();
  if (run.repairs.length === 0) return null;
  return (
    <section aria-labelledby="repairs-heading">
      <Title order={3} id="repairs-heading" mb="xs">
        {t('directoryImport.run.repairs')}
      </Title>
      <List spacing={4}>
        {run.repairs.map((repair) => (
          <List.Item key={repair.code}>
            {repair.message}{' '}
            {repair.lines.length > 0 && (
              <Text span size="sm" c="dimmed">
                {t('directoryImport.run.repairLines', {
                  count: repair.count,
                  lines: repair.lines.slice(0, 10).join('、'),
                })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </section>
  );
}

/** One run: its state (progress while it runs), counts, what was repaired, and the refused rows. */
export function RunReport({
  id,
  offset,
  onPage,
}: {
  id: string;
  offset: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const query = useRun(id, offset);
  const run = query.data?.run;
  // When the run ends, the list of runs is read again (its state and counts changed).
  const queryClient = useQueryClient();
  const ended = run !== undefined && run.status !== 'running';
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: runsKey, exact: true });
  }, [ended, queryClient]);
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby={run ? 'run-heading' : undefined}>
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {run && query.data && (
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start">
            <Title order={2} id="run-heading">
              {t('directoryImport.run.heading', { fileName: run.fileName })}
            </Title>
            <div role="status" aria-live="polite">
              <RunStatusBadge status={run.status} />
            </div>
          </Group>
          {run.status === 'running' && <RunProgress run={run} />}
          {run.error && (
            <Alert color="red" role="alert" title={t('directoryImport.run.failed')}>
              {run.error}
            </Alert>
          )}
          <Counts run={run} />
          <Details run={run} />
          <Repairs run={run} />
          {run.status !== 'running' && (
            <RejectedRows rows={query.data.rejectedRows} offset={offset} onPage={onPage} />
          )}
        </Stack>
      )}
    </Card>
  );
}
