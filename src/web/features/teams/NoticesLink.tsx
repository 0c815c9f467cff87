// The header's notices (お知らせ) of a professional: how many things wait on the home page —
// invitations, urgent posts to acknowledge, unread posts addressed to them, meeting polls — kept
// current by the live stream on every page, so a nurse on another screen still sees 至急 arrive.
import { Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveUpdates } from '../../live';
import { useCareHome } from './use-team';

export function NoticesLink() {
  const { t } = useTranslation();
  useLiveUpdates();
  const home = useCareHome();
  const data = home.data;
  const count = data
    ? data.invitations.length + data.urgent.length + data.mentions.length + data.polls.length
    : 0;
  const urgent = (data?.urgent.length ?? 0) > 0;
  return (
    <Button
      component={Link}
      to="/home"
      variant={count > 0 ? 'light' : 'subtle'}
      color={urgent ? 'red' : undefined}
      size="sm"
      aria-label={count > 0 ? t('ui.noticesCount', { count }) : t('ui.notices')}
      rightSection={
        count > 0 ? (
          <Badge color={urgent ? 'red' : 'blue'} variant="filled" size="sm" aria-hidden="true">
            {count}
          </Badge>
        ) : undefined
      }
    >
      {t('ui.notices')}
    </Button>
  );
}
