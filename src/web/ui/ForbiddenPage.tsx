import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type SystemRole, systemRoles } from '../../shared/identity';
import { useLabel } from './labels';
import { PageTitle } from './PageTitle';

/** A page the reader's roles do not open: say whose it is. */
export default function ForbiddenPage({ roles }: { roles: readonly SystemRole[] }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const names = roles.map((role) => label(systemRoles, role)).join(i18n.language === 'en' ? ' / ' : '・');
  return (
    <>
      <PageTitle title={t('errors.forbiddenTitle')} />
      <Text>{t('errors.forbiddenBody', { roles: names })}</Text>
    </>
  );
}
