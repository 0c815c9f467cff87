import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceKindOf } from '../../../../shared/directory-codes';
import { DIRECTORY_EXPORT_MAX_ROWS } from '../../../../shared/directory-export';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { NoticeAlert } from '../../../ui/NoticeAlert';
import { SelectField } from '../parts/fields';
import { downloadFile } from './download';
import type { DirectoryFilters } from './search-params';
import type { ResultCount } from './useDirectorySearch';

export type CsvDownloadProps = { query: string; filters: DirectoryFilters; total: ResultCount };

/** 医療機関一覧 when the search asks for medical kinds only, else 介護サービス事業所一覧. */
const layoutFor = (filters: DirectoryFilters) =>
  filters.group === 'medical' ||
  (filters.kinds.length > 0 && filters.kinds.every((kind) => serviceKindOf(kind).group === 'medical'))
    ? 'medical'
    : 'care';

/** The CSV form: layout and encoding, then the download (loaded when 「CSVでダウンロード」 is opened). */
export default function CsvDownloadForm({ query, filters, total }: CsvDownloadProps) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState(layoutFor(filters));
  const [encoding, setEncoding] = useState('utf-8');
  const download = useMutation({
    mutationFn: () => {
      const params = new URLSearchParams(query);
      params.set('layout', layout);
      params.set('encoding', encoding);
      return downloadFile(`/api/directory/export?${params.toString()}`, `${layout}.csv`);
    },
  });
  const capped = !total || total.capped || total.count === null;
  return (
    <Stack gap="sm" mt="sm">
      <Text size="sm">{t('directory.csv.lead')}</Text>
      <SelectField
        label={t('directory.csv.layout')}
        value={layout}
        onChange={(value) => setLayout(value as typeof layout)}
      >
        <option value="medical">{t('directory.csv.layoutMedical')}</option>
        <option value="care">{t('directory.csv.layoutCare')}</option>
      </SelectField>
      <SelectField label={t('directory.csv.encoding')} value={encoding} onChange={setEncoding}>
        <option value="utf-8">{t('directory.csv.utf8')}</option>
        <option value="shift_jis">{t('directory.csv.shiftJis')}</option>
      </SelectField>
      <Text size="sm">
        {t(capped ? 'directory.csv.capped' : 'directory.csv.limit', {
          max: DIRECTORY_EXPORT_MAX_ROWS.toLocaleString('ja-JP'),
        })}
      </Text>
      <Button
        variant="default"
        w="fit-content"
        loading={download.isPending}
        onClick={() => download.mutate()}
      >
        {t('directory.csv.download')}
      </Button>
      <ErrorAlert error={download.error} />
      <NoticeAlert message={download.data ? t('directory.csv.done', { file: download.data }) : null} />
    </Stack>
  );
}
