import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactChannels } from '../../../../shared/directory-codes';
import type { ServicePointDetail } from '../../../../shared/schemas/directory';
import { useLabel } from '../../../ui/labels';
import { ScrollTable } from '../../../ui/ScrollTable';

type Windows = NonNullable<ServicePointDetail['careManagerTimes']>;

/** ケアマネタイム: when care managers may contact the physicians, and how. */
export function CareManagerTimes({ windows }: { windows: Windows }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (windows.length === 0) return null;
  return (
    <>
      <Text mb="sm">{t('directory.careManagerTime.lead')}</Text>
      <ScrollTable label={t('directory.careManagerTime.heading')} minWidth={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.careManagerTime.weekday')}</Table.Th>
            <Table.Th scope="col">{t('directory.careManagerTime.time')}</Table.Th>
            <Table.Th scope="col">{t('directory.careManagerTime.physician')}</Table.Th>
            <Table.Th scope="col">{t('directory.careManagerTime.channels')}</Table.Th>
            <Table.Th scope="col">{t('directory.careManagerTime.notes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {windows.map((window) => (
            <Table.Tr key={`${window.weekday}-${window.startTime}-${window.physicianName}`}>
              <Table.Td className="nowrap">{t(`directory.weekdayNames.${window.weekday}`)}</Table.Td>
              <Table.Td className="nowrap">
                {window.startTime}〜{window.endTime}
              </Table.Td>
              <Table.Td>{window.physicianName || t('directory.careManagerTime.anyPhysician')}</Table.Td>
              <Table.Td>
                {window.channels.map((channel) => label(contactChannels, channel)).join('・')}
              </Table.Td>
              <Table.Td>{window.notes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
