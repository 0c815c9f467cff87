import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../../ui/session';
import './i18n';

/** On the home page: ケアマネタイム for every professional, and the approval queue for center staff. */
export function DirectoryHomeLinks() {
  const { t } = useTranslation();
  const me = useMe();
  const links = [
    {
      to: '/directory/care-manager-time',
      title: t('directoryMaintenance.home.careManagerTime'),
      body: t('directoryMaintenance.home.careManagerTimeBody'),
    },
    ...(hasRole(me.data, ['center_staff'])
      ? [
          {
            to: '/directory/approvals',
            title: t('directoryMaintenance.home.approvals'),
            body: t('directoryMaintenance.home.approvalsBody'),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="directory-links-heading">
      <Title order={2} id="directory-links-heading" mb="sm">
        {t('directoryMaintenance.home.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="scene-list">
        {links.map((link) => (
          <Card key={link.to} component="li" withBorder padding="lg">
            <Title order={3} mb={4}>
              <Anchor component={Link} to={link.to}>
                {link.title}
              </Anchor>
            </Title>
            <Text size="sm">{link.body}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
