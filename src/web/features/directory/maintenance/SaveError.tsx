import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import './i18n';

type Props = { error: unknown; shownPaths?: readonly string[]; onReload: () => void };

/** A refused save; when someone else saved first (409), the way out: reload and edit again. */
export function SaveError({ error, shownPaths, onReload }: Props) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'version_conflict')
    return (
      <Alert color="orange" role="alert" title={t('directoryMaintenance.conflictTitle')}>
        <Text>{error.message}</Text>
        <Text size="sm" mt="xs">
          {t('directoryMaintenance.conflictHint')}
        </Text>
        <Button mt="sm" onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Alert>
    );
  return <ErrorAlert error={error} shownPaths={shownPaths} />;
}
