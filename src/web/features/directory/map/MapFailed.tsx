import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown instead of the map when its code could not be loaded: the list is still there. */
export function MapFailed() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" role="status">
      {t('directory.map.failed')}
    </Alert>
  );
}
