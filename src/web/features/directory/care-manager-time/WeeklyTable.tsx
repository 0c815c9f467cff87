import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactChannels, weekdays } from '../../../../shared/directory-codes';
import type { CareManagerTimeItem } from '../../../../shared/schemas/directory-maintenance';
import { useLabel } from '../../../ui/labels';
import { ScrollTable } from '../../../ui/ScrollTable';
import { weeklyColumns, weeklyRows } from './weekly-table';

/** Weekday columns × clinic and physician rows: the one-page A4 form people print and pin up. */
export function WeeklyTable({ items, label }: { items: CareManagerTimeItem[]; label: string }) {
  const { t } = useTranslation();
  const labelOf = useLabel();
  const rows = weeklyRows(items);
  const columns = weeklyColumns(rows);
  return (
    <ScrollTable label={label} minWidth={860} className="cmt-week" withColumnBorders striped={false}>
      <colgroup>
        <col className="cmt-col-name" />
        {columns.map((day) => (
          <col key={day} />
        ))}
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('careManagerTime.clinicAndPhysician')}</Table.Th>
          {columns.map((day) => (
            <Table.Th scope="col" key={day} ta="center">
              {labelOf(weekdays, day)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={400}>
              <Text fw={700} size="sm">
                {row.pointName}
              </Text>
              <Text size="sm">{row.physicianName || t('careManagerTime.wholeClinic')}</Text>
              {row.phone && (
                <Text size="xs" className="nowrap">
                  {t('careManagerTime.phone', { number: row.phone })}
                </Text>
              )}
              {row.fax && (
                <Text size="xs" className="nowrap">
                  {t('careManagerTime.fax', { number: row.fax })}
                </Text>
              )}
            </Table.Th>
            {columns.map((day) => (
              <Table.Td key={day}>
                {(row.cells[day] ?? []).map((window) => (
                  <div key={`${window.startTime}-${window.endTime}`} className="cmt-window">
                    <Text size="sm" fw={700} className="nowrap">
                      {window.startTime}〜{window.endTime}
                    </Text>
                    <Text size="xs">
                      {window.channels.map((c) => labelOf(contactChannels, c)).join('・')}
                    </Text>
                    {window.notes && <Text size="xs">{window.notes}</Text>}
                  </div>
                ))}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
