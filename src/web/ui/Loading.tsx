import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" py="lg" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label ?? t('common.loading')}</Text>
    </Group>
  );
}
