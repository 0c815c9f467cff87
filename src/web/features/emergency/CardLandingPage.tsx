// `/e#<token>` — what a kit card's QR code opens, for anyone who scans it. It says only that
// emergency information exists, asks an ambulance crew to sign in, and keeps the token in this tab's
// session storage for the crew's page (the token is after '#': it never reaches the server in a URL).
// Nothing is asked of the server here, so a card tells nobody more than the card itself does.
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle';
import { hasRole, useMe } from '../../ui/session';
import { SCANNED_TOKEN_KEY } from './use-emergency';
import './i18n';

export default function CardLandingPage() {
  const { t } = useTranslation('emergency');
  const me = useMe();
  const [hasToken, setHasToken] = useState(true);
  useEffect(() => {
    const token = window.location.hash.slice(1);
    if (token) {
      sessionStorage.setItem(SCANNED_TOKEN_KEY, token);
      // Off the address bar and the history: the next person to use the phone does not see it.
      window.history.replaceState(null, '', '/e');
    } else setHasToken(Boolean(sessionStorage.getItem(SCANNED_TOKEN_KEY)));
  }, []);
  const crew = me.data && me.data.session.stage === 'active' && hasRole(me.data, ['ems']);
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('landing.title')} />
      <Card withBorder padding="lg">
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('landing.lead')}
          </Title>
          <Text size="lg">{t('landing.ems')}</Text>
          {!hasToken && <Alert color="yellow">{t('landing.noToken')}</Alert>}
          <Button
            component={Link}
            to={crew ? '/emergency' : '/login?next=%2Femergency'}
            size="lg"
            color="red"
          >
            {crew ? t('landing.open') : t('landing.signIn')}
          </Button>
        </Stack>
      </Card>
      <Text size="lg">{t('landing.others')}</Text>
    </Stack>
  );
}
