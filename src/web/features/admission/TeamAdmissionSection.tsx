// On a care team's page: the patient's hospital stays (入退院), each with the next step due, and the
// form that opens one when the care manager (or the hospital's MSW in the team) learns of an admission.

import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { todayInJapan } from '../../../shared/dates';
import { type EpisodeView, episodeOpenRequest } from '../../../shared/schemas/admission-episodes';
import { api } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { applyServerErrors } from '../../ui/forms';
import { Modal } from '../../ui/Modal';
import { Section } from '../../ui/Section';
import { HospitalSelect } from './HospitalSelect';
import { TimingBadge } from './TimingBadge';
import { teamEpisodesKey, useTeamEpisodes } from './use-episode';

type Props = { teamId: string; mayOpen: boolean };

export function TeamAdmissionSection({ teamId, mayOpen }: Props) {
  const { t } = useTranslation();
  const episodes = useTeamEpisodes(teamId);
  const [opening, setOpening] = useState(false);
  return (
    <Section id="team-admission" title={t('admission.episode.teamHeading')}>
      <Stack gap="sm">
        <ErrorAlert error={episodes.error} />
        {episodes.data?.items.length === 0 && <Text>{t('admission.episode.none')}</Text>}
        <Stack component="ul" className="scene-list" gap="sm">
          {episodes.data?.items.map((item) => (
            <li key={item.id}>
              <Anchor component={Link} to={`/admission/episodes/${item.id}`} fw={700}>
                {item.hospitalName}
              </Anchor>
              <Text size="sm">
                {t('admission.episode.admittedOn')} <DateText value={item.admittedOn} />
                {item.dischargedOn && (
                  <>
                    {' '}
                    ・ {t(`admission.episode.outcomes.${item.outcome ?? 'home'}`)}{' '}
                    <DateText value={item.dischargedOn} />
                  </>
                )}
              </Text>
              {item.next && (
                <Group gap="xs" mt={4}>
                  <TimingBadge timing={item.next.timing} />
                  <Text size="sm">
                    {t(`admission.episode.steps.${item.next.step}`)} {t('admission.episode.due')}{' '}
                    <DateText value={item.next.dueOn} />
                  </Text>
                </Group>
              )}
            </li>
          ))}
        </Stack>
        {mayOpen && (
          <Group>
            <Button variant="light" onClick={() => setOpening(true)}>
              {t('admission.episode.open')}
            </Button>
          </Group>
        )}
      </Stack>
      {opening && <OpenEpisodeForm teamId={teamId} onClose={() => setOpening(false)} />}
    </Section>
  );
}

type Input = z.input<typeof episodeOpenRequest>;

function OpenEpisodeForm({ teamId, onClose }: { teamId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useForm<Input, unknown, z.output<typeof episodeOpenRequest>>({
    resolver: zodResolver(episodeOpenRequest),
    defaultValues: {
      hospitalPointId: '',
      admittedOn: todayInJapan(),
      ward: '',
      needsConference: false,
      notes: '',
    },
  });
  const open = useMutation({
    mutationFn: (values: Input) =>
      api.post<EpisodeView>(`/api/admission/teams/${encodeURIComponent(teamId)}/episodes`, values),
    onSuccess: (view) => {
      void client.invalidateQueries({ queryKey: teamEpisodesKey(teamId) });
      navigate(`/admission/episodes/${view.id}`);
    },
    onError: (error) =>
      applyServerErrors(error, form.setError, ['hospitalPointId', 'admittedOn', 'ward', 'notes']),
  });
  const { errors } = form.formState;
  return (
    <Modal opened onClose={onClose} title={t('admission.episode.openTitle')} size="lg">
      <form noValidate onSubmit={form.handleSubmit((values) => open.mutate(values))}>
        <Stack>
          <Controller
            control={form.control}
            name="hospitalPointId"
            render={({ field }) => (
              <HospitalSelect
                label={t('admission.episode.hospital')}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={errors.hospitalPointId && t('admission.episode.chooseHospital')}
                required
              />
            )}
          />
          <TextInput
            type="date"
            label={t('admission.episode.admittedOn')}
            error={errors.admittedOn?.message}
            maw={320}
            {...form.register('admittedOn')}
          />
          <TextInput
            label={t('admission.episode.ward')}
            error={errors.ward?.message}
            {...form.register('ward')}
          />
          <Checkbox
            label={t('admission.episode.needsConference')}
            description={t('admission.episode.needsConferenceHint')}
            {...form.register('needsConference')}
          />
          <Textarea
            label={t('admission.episode.notes')}
            autosize
            minRows={2}
            error={errors.notes?.message}
            {...form.register('notes')}
          />
          <ErrorAlert error={open.error} />
          <FormButtons
            onCancel={onClose}
            pending={open.isPending}
            submitLabel={t('admission.episode.openSubmit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
