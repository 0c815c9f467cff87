import { Button, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../ui/ScrollTable';
import { type ImportRunDetail, REJECTED_PAGE } from './api';
import './i18n';

type Props = {
  rows: ImportRunDetail['rejectedRows'];
  offset: number;
  onPage: (offset: number) => void;
};

/** The refused rows, a page at a time: line, reason, and the row as the file had it. */
export function RejectedRows({ rows, offset, onPage }: Props) {
  const { t } = useTranslation();
  const heading = t('directoryImport.run.rejectedHeading');
  return (
    <section aria-labelledby="rejected-heading">
      <Title order={3} id="rejected-heading" mb="sm">
        {heading}
      </Title>
      {rows.total === 0 ? (
        <Text>{t('directoryImport.run.rejectedNone')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('directoryImport.run.range', {
              total: rows.total,
              from: offset + 1,
              to: offset + rows.items.length,
            })}
          </Text>
          <ScrollTable label={heading} minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('directoryImport.run.line')}</Table.Th>
                <Table.Th scope="col">{t('directoryImport.run.reason')}</Table.Th>
                <Table.Th scope="col">{t('directoryImport.run.raw')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.items.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Th scope="row" className="nowrap">
                    {row.line}
                  </Table.Th>
                  <Table.Td>{row.reason}</Table.Td>
                  <Table.Td>
                    <Text component="code" ff="monospace" size="sm">
                      {row.raw}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          {rows.total > REJECTED_PAGE && (
            <Group mt="sm">
              <Button
                variant="default"
                disabled={offset === 0}
                onClick={() => onPage(Math.max(0, offset - REJECTED_PAGE))}
              >
                {t('directoryImport.run.previous', { count: REJECTED_PAGE })}
              </Button>
              <Button
                variant="default"
                disabled={offset + REJECTED_PAGE >= rows.total}
                onClick={() => onPage(offset + REJECTED_PAGE)}
              >
                {t('directoryImport.run.next', { count: REJECTED_PAGE })}
              </Button>
            </Group>
          )}
        </>
      )}
    </section>
  );
}
