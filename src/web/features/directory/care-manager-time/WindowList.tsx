import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactChannels, weekdays } from '../../../../shared/directory';
import type { CareManagerTimeItem } from '../../../../shared/schemas/directory-maintenance';
import { useLabel } from '../../../ui/labels';
import { ScrollTable } from '../../../ui/ScrollTable';

/** One row per window: clinic (linked to its page), physician, weekday, time, how to reach, notes. */
export function WindowList({ items, label }: { items: CareManagerTimeItem[]; label: string }) {
  const { t } = useTranslation();
  const labelOf = useLabel();
  return (
    <ScrollTable label={label} minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('careManagerTime.clinic')}</Table.Th>
          <Table.Th scope="col">{t('careManagerTime.physician')}</Table.Th>
          <Table.Th scope="col">{t('careManagerTime.weekday')}</Table.Th>
          <Table.Th scope="col">{t('careManagerTime.time')}</Table.Th>
          <Table.Th scope="col">{t('careManagerTime.channels')}</Table.Th>
          <Table.Th scope="col">{t('careManagerTime.notes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={`${item.pointId}-${item.physicianName}-${item.weekday}-${item.startTime}`}>
            <Table.Th scope="row" fw={400}>
              <Anchor component={Link} to={`/directory/points/${item.pointId}`} fw={700}>
                {item.pointName}
              </Anchor>
              {item.phone && <Text size="sm">{t('careManagerTime.phone', { number: item.phone })}</Text>}
            </Table.Th>
            <Table.Td>{item.physicianName || t('careManagerTime.wholeClinic')}</Table.Td>
            <Table.Td className="nowrap">{labelOf(weekdays, item.weekday)}</Table.Td>
            <Table.Td className="nowrap">
              {item.startTime}〜{item.endTime}
            </Table.Td>
            <Table.Td>{item.channels.map((c) => labelOf(contactChannels, c)).join('・')}</Table.Td>
            <Table.Td>{item.notes}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
