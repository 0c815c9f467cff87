import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../../ui/DateText';
import { ScrollTable } from '../../../ui/ScrollTable';
import type { OrgDirectoryView } from './api';
import './i18n';

type Point = OrgDirectoryView['points'][number];

export function StaleBadge({ stale }: { stale: boolean }) {
  const { t } = useTranslation();
  return stale ? (
    <Badge color="orange" variant="light" size="lg">
      {t('directoryMaintenance.stale')}
    </Badge>
  ) : (
    <Badge color="green" variant="light" size="lg">
      {t('directoryMaintenance.current')}
    </Badge>
  );
}

/** An organisation's entries: when each was last confirmed, 「更新が必要です」, requests waiting. */
export function OrgEntriesTable({ points, label }: { points: Point[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={label} minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('directoryMaintenance.entries.name')}</Table.Th>
          <Table.Th scope="col">{t('directoryMaintenance.entries.confirmed')}</Table.Th>
          <Table.Th scope="col">{t('directoryMaintenance.entries.status')}</Table.Th>
          <Table.Th scope="col">{t('directoryMaintenance.entries.pending')}</Table.Th>
          <Table.Th scope="col">{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {points.map((point) => (
          <Table.Tr key={point.id}>
            <Table.Th scope="row" fw={400}>
              <Text fw={700}>{point.name}</Text>
              <Text size="sm">{point.serviceName}</Text>
              <Text size="sm">{point.address}</Text>
            </Table.Th>
            <Table.Td className="nowrap">
              <DateText value={point.updatedOn} fallback={t('directoryMaintenance.neverConfirmed')} />
            </Table.Td>
            <Table.Td>
              <StaleBadge stale={point.stale} />
            </Table.Td>
            <Table.Td>
              {point.pendingRequests > 0
                ? t('directoryMaintenance.entries.pendingCount', { count: point.pendingRequests })
                : t('directoryMaintenance.entries.noPending')}
            </Table.Td>
            <Table.Td>
              <Button
                component={Link}
                to={`/directory/points/${point.id}/edit`}
                size="sm"
                variant={point.stale ? 'filled' : 'default'}
                aria-label={t('directoryMaintenance.entries.editLabel', { name: point.name })}
              >
                {t('directoryMaintenance.entries.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
