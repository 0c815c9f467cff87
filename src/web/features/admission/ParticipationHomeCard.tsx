// On the home page of the support center and the city: the participation rate of the rule, live
// (read again every minute), with the ways to the register and to the overdue steps.
import { Anchor, Card, Group, List, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../ui/session';
import { percentOf, useParticipationRates } from './ParticipationRates';

export function ParticipationHomeCard() {
  const me = useMe();
  if (!hasRole(me.data, ['center_staff', 'city_staff'])) return null;
  return <RateCard />;
}

function RateCard() {
  const { t } = useTranslation();
  const rates = useParticipationRates();
  return (
    <section aria-labelledby="participation-home-heading">
      <Title order={2} id="participation-home-heading" mb="sm">
        {t('admission.participation.homeHeading')}
      </Title>
      <Card withBorder padding="lg">
        {rates.data && (
          <List mb="sm" size="lg">
            {rates.data.total.map((rate) => (
              <List.Item key={rate.kind}>
                {t('admission.participation.homeRate', {
                  kind: t(`admission.participation.kinds.${rate.kind}`),
                  rate: percentOf(rate.participating, rate.entries),
                  participating: rate.participating,
                  entries: rate.entries,
                })}
              </List.Item>
            ))}
          </List>
        )}
        <Group gap="lg">
          <Anchor component={Link} to="/admission/center">
            {t('admission.center.homeLink')}
          </Anchor>
          <Anchor component={Link} to="/admission/participation">
            {t('admission.participation.homeLink')}
          </Anchor>
        </Group>
      </Card>
    </section>
  );
}
