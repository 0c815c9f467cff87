import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRunSummary } from './api';
import './i18n';

const colours = { running: 'blue', succeeded: 'green', failed: 'red' } as const;

export function RunStatusBadge({ status }: { status: ImportRunSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} variant="light" size="lg">
      {t(`directoryImport.run.${status}`)}
    </Badge>
  );
}
