// `/home` — the signed-in home: greeting, what waits in the care teams (for members of an
// organisation), the user's organisations, and what their roles open.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { membershipRoles, organisationKinds } from '../../../shared/identity';
import { DateText, useDateFormatter } from '../../ui/DateText';
import { navItems } from '../../ui/Layout';
import { useLabel } from '../../ui/labels';
import { PageTitle } from '../../ui/PageTitle';
import { useMe } from '../../ui/session';
import { AdmissionHomeSection } from '../admission/AdmissionHomeSection';
import { ParticipationHomeCard } from '../admission/ParticipationHomeCard';
import { ImportsHomeLink } from '../directory/imports/ImportsHomeLink';
import { DirectoryHomeLinks } from '../directory/maintenance/DirectoryHomeLinks';
import { ToConfirmHomeSection } from '../emergency/ToConfirmHomeSection';
import { CareHomeSection } from '../teams/CareHomeSection';

export default function HomePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const me = useMe();
  const format = useDateFormatter();
  // RequireSession has made sure there is an active session.
  if (!me.data) return null;
  const { user, memberships, session } = me.data;
  const links = navItems(me.data).flatMap((item) =>
    item.key === 'home' ? [] : [{ ...item, key: item.key }],
  );

  return (
    <Stack gap="xl">
      <div>
        <PageTitle title={t('home.title')} />
        <Text size="lg">{t('home.greeting', { name: user.displayName })}</Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t('home.sessionInfo', {
            time: format.dateTime(session.expiresAt),
            minutes: Math.round(session.idleTimeoutSeconds / 60),
          })}
        </Text>
      </div>

      {memberships.length > 0 && <AdmissionHomeSection />}

      {memberships.length > 0 && <CareHomeSection />}

      {memberships.length > 0 && <ToConfirmHomeSection />}

      <ParticipationHomeCard />

      <section aria-labelledby="orgs-heading">
        <Title order={2} id="orgs-heading" mb="sm">
          {t('home.orgsHeading')}
        </Title>
        {memberships.length === 0 ? (
          <Text>{t('home.noOrgs')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="scene-list">
            {memberships.map((membership) => (
              <Card key={membership.organisationId} component="li" withBorder padding="lg">
                <Title order={3} mb={4}>
                  <Anchor component={Link} to={`/orgs/${membership.organisationId}`}>
                    {membership.organisationName}
                  </Anchor>
                </Title>
                <Text size="sm">{label(organisationKinds, membership.organisationKind)}</Text>
                <Group gap="xs" mt="xs">
                  <Text size="sm">{t('home.roleLabel')}:</Text>
                  <Badge variant="light" color={membership.role === 'admin' ? 'blue' : 'gray'}>
                    {label(membershipRoles, membership.role)}
                  </Badge>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>

      <section aria-labelledby="menu-heading">
        <Title order={2} id="menu-heading" mb="sm">
          {t('home.manageHeading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="scene-list">
          {links.map((item) => (
            <Card key={item.to} component="li" withBorder padding="lg">
              <Title order={3} mb={4}>
                <Anchor component={Link} to={item.to}>
                  {t(`ui.${item.key}`)}
                </Anchor>
              </Title>
              <Text size="sm">{t(`home.links.${item.key}`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <DirectoryHomeLinks />

      <ImportsHomeLink />

      <Text size="sm" c="dimmed">
        {t('home.comingSoon')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('home.today')} <DateText value={new Date()} both />
      </Text>
    </Stack>
  );
}
