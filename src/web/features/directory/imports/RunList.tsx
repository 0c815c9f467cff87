import { Button, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../ui/DateText';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { ScrollTable } from '../../../ui/ScrollTable';
import { type ImportRunSummary, useRuns } from './api';
import { RunStatusBadge } from './RunStatusBadge';
import './i18n';

const counts = (run: ImportRunSummary) =>
  [run.added, run.updated, run.unchanged, run.withdrawn, run.rejected]
    .map((n) => n.toLocaleString('ja-JP'))
    .join(' / ');

/** The latest runs, newest first; each opens its report above. */
export function RunList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const runs = useRuns();
  const heading = t('directoryImport.runs.heading');
  return (
    <section aria-labelledby="runs-heading">
      <Title order={2} id="runs-heading" mb="sm">
        {heading}
      </Title>
      {runs.isPending && <Loading />}
      <ErrorAlert error={runs.error} />
      {runs.data?.length === 0 && <Text>{t('directoryImport.runs.none')}</Text>}
      {runs.data && runs.data.length > 0 && (
        <ScrollTable label={heading} minWidth={860}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('directoryImport.runs.startedAt')}</Table.Th>
              <Table.Th scope="col">{t('directoryImport.runs.fileName')}</Table.Th>
              <Table.Th scope="col">{t('directoryImport.runs.status')}</Table.Th>
              <Table.Th scope="col">{t('directoryImport.runs.counts')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td className="nowrap">
                  <DateText value={run.startedAt} time />
                </Table.Td>
                <Table.Th scope="row" fw={400}>
                  <Text fw={700}>{run.fileName}</Text>
                  <Text size="sm">
                    {run.layout ? t(`directoryImport.layouts.${run.layout}`) : ''}{' '}
                    {t(`directoryImport.modes.${run.mode}`)}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <RunStatusBadge status={run.status} />
                </Table.Td>
                <Table.Td className="nowrap">{counts(run)}</Table.Td>
                <Table.Td className="nowrap">
                  {run.id === selected ? (
                    <Text size="sm">{t('directoryImport.runs.shown')}</Text>
                  ) : (
                    <Button
                      size="sm"
                      variant="default"
                      aria-label={t('directoryImport.runs.showLabel', { fileName: run.fileName })}
                      onClick={() => onSelect(run.id)}
                    >
                      {t('directoryImport.runs.show')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </section>
  );
}
