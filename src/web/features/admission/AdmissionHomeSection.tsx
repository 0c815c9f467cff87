// On a professional's home page (入退院支援): the admission steps their organisation owes, overdue first,
// then those due within two days, and the patients still in hospital whose stays they take part in —
// at their hospital's window or in their teams — each a link to the episode. Kept current live.
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DueStepItem, OpenEpisodeItem } from '../../../shared/schemas/admission-episodes';
import { api } from '../../api';
import { DateText } from '../../ui/DateText';
import { TimingBadge } from './TimingBadge';
import { dueKey } from './use-episode';

const openKey = ['admission', 'open'] as const;

export function useDueSteps(enabled = true) {
  return useQuery({
    queryKey: dueKey,
    queryFn: () => api.get<{ items: DueStepItem[]; more: boolean }>('/api/admission/due'),
    enabled,
    staleTime: 30_000,
  });
}

export function AdmissionHomeSection() {
  const { t } = useTranslation();
  const due = useDueSteps();
  const open = useQuery({
    queryKey: openKey,
    queryFn: () => api.get<{ items: OpenEpisodeItem[]; more: boolean }>('/api/admission/episodes'),
  });
  const dueItems = due.data?.items ?? [];
  const openItems = open.data?.items ?? [];
  if (dueItems.length === 0 && openItems.length === 0) return null;
  return (
    <section aria-labelledby="admission-home-heading">
      <Title order={2} id="admission-home-heading" mb="sm">
        {t('admission.due.heading')}
      </Title>
      <Stack gap="md">
        {dueItems.length > 0 && (
          <Stack component="ul" className="scene-list" gap="xs" aria-label={t('admission.due.dueList')}>
            {dueItems.map((item) => (
              <li key={`${item.episodeId}-${item.step}`}>
                <Group gap="sm" wrap="wrap">
                  <TimingBadge timing={item.timing} />
                  <Anchor component={Link} to={`/admission/episodes/${item.episodeId}`} fw={700}>
                    {t('admission.due.item', {
                      name: item.patientName,
                      step: t(`admission.episode.steps.${item.step}`),
                    })}
                  </Anchor>
                  <Text size="sm">
                    {item.hospitalName} ・ {t('admission.episode.due')} <DateText value={item.dueOn} />
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
        {due.data?.more && <Text size="sm">{t('admission.due.more')}</Text>}
        {openItems.length > 0 && (
          <div>
            <Title order={3} size="h4" mb="xs" id="admission-open-heading">
              {t('admission.due.openHeading')}
            </Title>
            <Stack component="ul" className="scene-list" gap="xs" aria-labelledby="admission-open-heading">
              {openItems.map((item) => (
                <li key={item.episodeId}>
                  <Anchor component={Link} to={`/admission/episodes/${item.episodeId}`} fw={700}>
                    {t('admission.due.openItem', { name: item.patientName, hospital: item.hospitalName })}
                  </Anchor>
                  <Text size="sm">
                    {t('admission.episode.admittedOn')} <DateText value={item.admittedOn} /> ・{' '}
                    {t('admission.episode.expectedDischargeOn')}{' '}
                    <DateText value={item.expectedDischargeOn} fallback={t('admission.episode.notYet')} />
                  </Text>
                </li>
              ))}
            </Stack>
            {open.data?.more && <Text size="sm">{t('admission.due.more')}</Text>}
          </div>
        )}
      </Stack>
    </section>
  );
}
