// The header's notices (お知らせ) of a professional: how many things wait on the home page —
// invitations, urgent posts to acknowledge, unread posts addressed to them, meeting polls, admission
// steps overdue or due soon (入退院支援) — kept
// current by the live stream on every page, so a nurse on another screen still sees 至急 arrive.
import { Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveUpdates } from '../../live';
import { useDueSteps } from '../admission/AdmissionHomeSection';
import { useCareHome } from './use-team';

export function NoticesLink() {
  const { t } = useTranslation();
  useLiveUpdates();
  const home = useCareHome();
  const due = useDueSteps();
  const data = home.data;
  const dueCount = due.data?.items.length ?? 0;
  const count =
    (data ? data.invitations.length + data.urgent.length + data.mentions.length + data.polls.length : 0) +
    dueCount;
  const urgent =
    (data?.urgent.length ?? 0) > 0 || (due.data?.items.some((item) => item.timing === 'overdue') ?? false);
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
