import { Anchor, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../../ui/session';
import './i18n';

/** On the home page of center staff and system admins: the way to the open-data import. */
export function ImportsHomeLink() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasRole(me.data, ['center_staff', 'system_admin'])) return null;
  return (
    <section aria-labelledby="imports-link-heading">
      <Title order={2} id="imports-link-heading" mb="sm">
        {t('directoryImport.home.heading')}
      </Title>
      <Card withBorder padding="lg">
        <Title order={3} mb={4}>
          <Anchor component={Link} to="/directory/imports">
            {t('directoryImport.home.link')}
          </Anchor>
        </Title>
        <Text size="sm">{t('directoryImport.home.body')}</Text>
      </Card>
    </section>
  );
}
