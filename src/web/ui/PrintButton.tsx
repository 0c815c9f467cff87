import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 「印刷する」: the browser's print dialog; the page's print CSS decides what goes on paper. */
export function PrintButton({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" className="no-print" onClick={() => window.print()}>
      {label ?? t('common.print')}
    </Button>
  );
}
