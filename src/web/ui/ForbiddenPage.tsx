import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type SystemRole, systemRoles } from '../../shared/identity';
import { useLabel } from './labels';
import { PageTitle } from './PageTitle';

/** A page the reader's roles do not open: say whose it is, and offer the way home. */
export default function ForbiddenPage({ roles }: { roles: readonly SystemRole[] }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const names = roles.map((role) => label(systemRoles, role)).join(i18n.language === 'en' ? ' / ' : '・');
  return (
    <>
      <PageTitle title={t('errors.forbiddenTitle')} />
      <Text mb="lg">{t('errors.forbiddenBody', { roles: names })}</Text>
      <Group>
        <Button component={Link} to="/home">
          {t('common.backToHome')}
        </Button>
      </Group>
    </>
  );
}
