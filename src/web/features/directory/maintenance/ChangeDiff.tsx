import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { directoryFieldLabels } from '../../../../shared/directory-fields';
import { useLabel } from '../../../ui/labels';
import { ScrollTable } from '../../../ui/ScrollTable';
import { useFieldValueText } from './field-values';
import './i18n';

type Props = {
  /** Names the table (unique on the page: several changes may be listed). */
  label: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** Fields whose published value has moved on since (the approval queue marks them). */
  changedSince?: string[];
};

/** The changed fields of a request or a version: 項目 / 変更前 / 変更後. */
export function ChangeDiff({ label, before, after, changedSince = [] }: Props) {
  const { t } = useTranslation();
  const fieldLabel = useLabel();
  const text = useFieldValueText();
  return (
    <ScrollTable label={label} minWidth={520} striped={false} highlightOnHover={false} layout="fixed">
      <colgroup>
        <col style={{ width: '24%' }} />
        <col style={{ width: '38%' }} />
        <col style={{ width: '38%' }} />
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('directoryMaintenance.diff.field')}</Table.Th>
          <Table.Th scope="col">{t('directoryMaintenance.diff.before')}</Table.Th>
          <Table.Th scope="col">{t('directoryMaintenance.diff.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {Object.keys(after).map((field) => (
          <Table.Tr key={field}>
            <Table.Th scope="row" fw={700}>
              {fieldLabel(directoryFieldLabels, field)}
              {changedSince.includes(field) && (
                <Badge color="red" variant="light" ml="xs">
                  {t('directoryMaintenance.diff.changedSince')}
                </Badge>
              )}
            </Table.Th>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {text(field, before[field])}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={700} style={{ whiteSpace: 'pre-line' }}>
                {text(field, after[field])}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
