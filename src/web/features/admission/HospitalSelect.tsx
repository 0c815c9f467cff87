// A hospital of the directory, searchable by name; those that take part in the rule first, and each
// says whether it uses the platform (if not, the steps go by FAX or phone).
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHospitals } from './use-episode';

type Props = Omit<SelectProps, 'data'> & { exclude?: string };

export function HospitalSelect({ exclude, ...props }: Props) {
  const { t } = useTranslation();
  const hospitals = useHospitals();
  const data = (hospitals.data?.entries ?? [])
    .filter((entry) => entry.servicePointId !== exclude)
    .map((entry) => ({
      value: entry.servicePointId,
      label: `${entry.name}${entry.onPlatform ? '' : `（${t('admission.episode.offPlatformShort')}）`}`,
    }));
  return <Select searchable nothingFoundMessage={t('admission.episode.noHospital')} data={data} {...props} />;
}
