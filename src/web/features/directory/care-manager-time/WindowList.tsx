import { Anchor, Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactChannels, weekdays } from '../../../../shared/directory-codes';
import type { CareManagerTimeItem } from '../../../../shared/schemas/directory-maintenance';
import { useLabel } from '../../../ui/labels';
import { ScrollTable } from '../../../ui/ScrollTable';

type Props = { items: CareManagerTimeItem[]; label: string; small: boolean };

/** One card per window, for phones: a six-column table would scroll sideways there. */
function WindowCards({ items, label }: Props) {
  const { t } = useTranslation();
  const labelOf = useLabel();
  return (
    <Stack component="ul" className="scene-list" gap="sm" aria-label={label}>
      {items.map((item) => (
        <Card
          component="li"
          key={`${item.pointId}-${item.physicianName}-${item.weekday}-${item.startTime}`}
          withBorder
        >
          <Anchor component={Link} to={`/directory/points/${item.pointId}`} fw={700}>
            {item.pointName}
          </Anchor>
          <Text>{item.physicianName || t('careManagerTime.wholeClinic')}</Text>
          <Text fw={700}>
            {labelOf(weekdays, item.weekday)} {item.startTime}〜{item.endTime}
          </Text>
          <Text size="sm">
            {t('careManagerTime.channels')}:{' '}
            {item.channels.map((c) => labelOf(contactChannels, c)).join('・')}
          </Text>
          {item.notes && <Text size="sm">{item.notes}</Text>}
          {item.phone && (
            <Text size="sm" className="nowrap">
              {t('careManagerTime.phone', { number: item.phone })}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

/** One row per window: clinic (linked to its page), physician, weekday, time, how to reach, notes. */
export function WindowList(props: Props) {
  const { t } = useTranslation();
  const labelOf = useLabel();
  const { items, label } = props;
  if (props.small) return <WindowCards {...props} />;
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
              {item.phone && (
                <Text size="sm" className="nowrap">
                  {t('careManagerTime.phone', { number: item.phone })}
                </Text>
              )}
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
