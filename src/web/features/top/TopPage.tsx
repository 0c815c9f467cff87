// `/` — the public top page: what this is, the four scenes of home medical care, and the way in.
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { usePublicSettings } from '../../ui/public-settings';
import { useMe } from '../../ui/session';

const scenes = ['daily', 'transitions', 'emergency', 'endOfLife'] as const;

export default function TopPage() {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const me = useMe();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const city = settings.data.cityName;
  const signedIn = me.data?.session.stage === 'active';

  return (
    <Stack gap="xl">
      {settings.data.demoMode && (
        <Alert color="orange" title={t('top.demoTitle')} variant="light">
          {t('top.demoBody')}
        </Alert>
      )}

      <section aria-labelledby="top-heading">
        <PageTitle title={t('top.heading', { city })} id="top-heading" />
        <Text size="lg" maw="48rem">
          {t('top.lead', { city })}
        </Text>
      </section>

      <section aria-labelledby="scenes-heading">
        <Title order={2} id="scenes-heading" mb="xs">
          {t('top.scenesHeading')}
        </Title>
        <Text mb="md">{t('top.scenesLead', { city })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ol" className="scene-list">
          {scenes.map((scene, index) => (
            <Card key={scene} component="li" withBorder padding="lg" radius="md">
              <Group gap="sm" wrap="nowrap" align="center" mb="xs">
                <span className="scene-number" aria-hidden="true">
                  {index + 1}
                </span>
                <Title order={3}>{t(`top.scenes.${scene}.title`)}</Title>
              </Group>
              <Text>{t(`top.scenes.${scene}.body`)}</Text>
              {/* For the person themself: the emergency sheet and their wishes, on paper, no account. */}
              {scene === 'emergency' && (
                <Anchor
                  component={Link}
                  to="/emergency-note"
                  size="lg"
                  underline="always"
                  mt="sm"
                  display="block"
                >
                  {t('top.selfNoteLink')}
                </Anchor>
              )}
            </Card>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="sm">
          {t('top.scenesSoon')}
        </Text>
      </section>

      <section aria-labelledby="directory-heading">
        <Card withBorder padding="lg" radius="md">
          <Title order={2} id="directory-heading" mb="xs">
            {t('directory.top.heading')}
          </Title>
          <Text mb="md">{t('directory.top.body', { city })}</Text>
          <Group gap="sm">
            <Button component={Link} to="/directory" size="lg" w={{ base: '100%', sm: 'auto' }}>
              {t('directory.top.map')}
            </Button>
            <Button
              component={Link}
              to="/directory/medical-care"
              size="lg"
              variant="default"
              w={{ base: '100%', sm: 'auto' }}
            >
              {t('directory.top.medicalCare')}
            </Button>
          </Group>
        </Card>
      </section>

      <section aria-labelledby="professionals-heading">
        <Card withBorder padding="lg" radius="md">
          <Title order={2} id="professionals-heading" mb="xs">
            {t('top.professionalsHeading')}
          </Title>
          <Text mb="md">{t('top.professionalsBody')}</Text>
          {signedIn ? (
            <Button
              component={Link}
              to="/home"
              size="lg"
              w={{ base: '100%', sm: 'auto' }}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('ui.home')}
            </Button>
          ) : (
            <Button
              component={Link}
              to="/login"
              size="lg"
              w={{ base: '100%', sm: 'auto' }}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('top.loginButton')}
            </Button>
          )}
        </Card>
      </section>
    </Stack>
  );
}
