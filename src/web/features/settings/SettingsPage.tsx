// `/settings` — system admin or city staff: the city's name and codes, and its areas.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { usePublicSettings } from '../../ui/public-settings';
import { AreasSection } from './AreasSection';
import { CitySettingsForm } from './CitySettingsForm';

export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  return (
    <Stack gap="xl">
      <PageTitle title={t('settings.title')} />
      {settings.isPending && <Loading />}
      <ErrorAlert error={settings.error} />
      {settings.data && <CitySettingsForm current={settings.data} />}
      <AreasSection />
    </Stack>
  );
}
