// On a professional's home page: the 救急医療情報 sheets of their teams due for the yearly check
// (forms.md §5: kit in place, contacts current, copies enclosed), the longest waiting first, each a
// link to the sheet, where 「内容を確認しました」 and a save mark it checked.
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SheetToConfirm } from '../../../shared/schemas/emergency';
import { api } from '../../api';
import { useDateFormatter } from '../../ui/DateText';
import './i18n';

export const toConfirmKey = ['emergency', 'to-confirm'] as const;

/** 確認の時期: in words and colour (not colour alone). */
export function ConfirmTimingBadge({ timing }: { timing: SheetToConfirm['timing'] }) {
  const { t } = useTranslation('emergency');
  return timing === 'overdue' ? (
    <Badge color="red" size="lg">
      {t('toConfirm.overdue')}
    </Badge>
  ) : (
    <Badge color="orange" variant="light" size="lg">
      {t('toConfirm.dueSoon')}
    </Badge>
  );
}

export function ToConfirmHomeSection() {
  const { t } = useTranslation('emergency');
  const format = useDateFormatter();
  const list = useQuery({
    queryKey: toConfirmKey,
    queryFn: () => api.get<{ items: SheetToConfirm[]; more: boolean }>('/api/emergency/to-confirm'),
    staleTime: 60_000,
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="to-confirm-heading">
      <Title order={2} id="to-confirm-heading" mb="xs">
        {t('toConfirm.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('toConfirm.lead')}
      </Text>
      <Stack component="ul" className="scene-list" gap="xs" aria-labelledby="to-confirm-heading">
        {items.map((item) => (
          <li key={item.patientId}>
            <Group gap="sm" wrap="wrap">
              <ConfirmTimingBadge timing={item.timing} />
              <Anchor component={Link} to={`/patients/${item.patientId}/emergency`} fw={700}>
                {t('toConfirm.item', { name: item.patientName })}
              </Anchor>
              <Text size="sm">
                {t(item.confirmed ? 'toConfirm.confirmedOn' : 'toConfirm.savedOn', {
                  date: format.date(item.lastCheckedOn),
                })}{' '}
                ・ {t('toConfirm.dueOn', { date: format.date(item.dueOn) })}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
      {list.data?.more && (
        <Text size="sm" mt="xs">
          {t('toConfirm.more', { count: items.length })}
        </Text>
      )}
    </section>
  );
}
