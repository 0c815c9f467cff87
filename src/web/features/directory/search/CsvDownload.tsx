import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading';
import type { CsvDownloadProps } from './CsvDownloadForm';

const CsvDownloadForm = lazy(() => import('./CsvDownloadForm'));

/** 「CSVでダウンロード」: a disclosure whose form loads when it is first opened. */
export function CsvDownload(props: CsvDownloadProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="dir-details no-print"
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
    >
      <summary>{t('directory.csv.heading')}</summary>
      {opened && (
        <Suspense fallback={<Loading />}>
          <CsvDownloadForm {...props} />
        </Suspense>
      )}
    </details>
  );
}
