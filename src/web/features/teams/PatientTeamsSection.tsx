// The patient page's care teams: the ones the reader is in, and creating one.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { PatientDetail } from '../../../shared/schemas/patients';
import { type TeamDetail, type TeamSummary, teamCreateRequest } from '../../../shared/schemas/teams';
import { teamRoles } from '../../../shared/teams';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { useLabel } from '../../ui/labels';
import { Modal } from '../../ui/Modal';
import { Section } from '../../ui/Section';
import { useMe } from '../../ui/session';
import { TeamList } from './TeamList';
import './i18n';

type Input = z.input<typeof teamCreateRequest>;

function CreateTeamForm({ patient, onCancel }: { patient: PatientDetail; onCancel: () => void }) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const navigate = useNavigate();
  const memberships = useMe().data?.memberships ?? [];
  const form = useForm<Input>({
    resolver: zodResolver(teamCreateRequest),
    defaultValues: {
      organisationId: memberships[0]?.organisationId ?? '',
      teamRole: 'care_manager',
      name: '',
    },
  });
  const create = useMutation({
    mutationFn: (values: Input) =>
      api.post<TeamDetail>(`/api/patients/${encodeURIComponent(patient.id)}/teams`, values),
    onSuccess: (team) => navigate(`/teams/${team.id}`),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <Stack>
        <Text>{t('patient.createLead')}</Text>
        <NativeSelect
          label={t('patient.organisation')}
          data={memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
          {...form.register('organisationId')}
        />
        <NativeSelect
          label={t('members.role')}
          data={teamRoles.map((r) => ({ value: r.code, label: label(teamRoles, r.code) }))}
          {...form.register('teamRole')}
        />
        <TextInput
          label={t('patient.name', { name: patient.name })}
          error={form.formState.errors.name?.message}
          {...form.register('name')}
        />
        <ErrorAlert error={create.error} />
        <FormButtons onCancel={onCancel} pending={create.isPending} submitLabel={t('patient.create')} />
      </Stack>
    </form>
  );
}

export function PatientTeamsSection({ patient }: { patient: PatientDetail }) {
  const { t } = useTranslation('teams');
  const [creating, setCreating] = useState(false);
  const teams = useQuery({
    queryKey: ['patients', patient.id, 'teams'],
    queryFn: () => api.get<{ items: TeamSummary[] }>(`/api/patients/${encodeURIComponent(patient.id)}/teams`),
  });
  return (
    <Section id="teams-heading" title={t('patient.title')}>
      <Stack>
        <ErrorAlert error={teams.error} />
        {teams.data &&
          (teams.data.items.length ? (
            <TeamList teams={teams.data.items} />
          ) : (
            <Text>{t('patient.none')}</Text>
          ))}
        <div>
          <Button onClick={() => setCreating(true)}>{t('patient.create')}</Button>
        </div>
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('patient.createTitle')}>
        <CreateTeamForm patient={patient} onCancel={() => setCreating(false)} />
      </Modal>
    </Section>
  );
}
