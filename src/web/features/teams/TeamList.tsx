// A list of teams with their patient, unread count and state (home page, patient page).
import { Anchor, Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamSummary } from '../../../shared/schemas/teams';
import { teamRoles } from '../../../shared/teams';
import { useLabel } from '../../ui/labels';
import './i18n';

export function TeamList({ teams }: { teams: TeamSummary[] }) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="scene-list">
      {teams.map((team) => (
        <Card key={team.id} component="li" withBorder padding="md">
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={`/teams/${team.id}`} fw={700}>
              {team.name}
            </Anchor>
            {team.unread > 0 && (
              <Badge color="blue" variant="filled">
                {t('home.unread', { count: team.unread })}
              </Badge>
            )}
            {team.status === 'closed' && (
              <Badge color="gray" variant="outline">
                {t('home.closed')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {label(teamRoles, team.myRole)}・{t('patient.members', { count: team.memberCount })}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
