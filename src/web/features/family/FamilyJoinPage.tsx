// `/family/join` — a family member enters the one-time code (or opens the link, whose #fragment holds
// it: a fragment is never sent to the server, so the code stays out of its logs).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { familyJoinRequest } from '../../../shared/schemas/family';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import './i18n';

export default function FamilyJoinPage() {
  const { t } = useTranslation('family');
  const navigate = useNavigate();
  const form = useForm<{ code: string }>({
    resolver: zodResolver(familyJoinRequest),
    defaultValues: { code: decodeURIComponent(window.location.hash.slice(1)) },
  });
  const join = useMutation({
    mutationFn: (code: string) => api.post('/api/family/join', { code }),
    onSuccess: () => navigate('/family', { replace: true }),
  });
  return (
    <Stack maw={480} gap="lg">
      <PageTitle title={t('join.title')} />
      <Text size="lg">{t('join.lead')}</Text>
      <form noValidate onSubmit={form.handleSubmit(({ code }) => join.mutate(code))}>
        <Stack>
          <TextInput
            label={t('join.code')}
            description={t('join.hint')}
            size="lg"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            required
            error={form.formState.errors.code?.message}
            {...form.register('code')}
          />
          <ErrorAlert error={join.error} shownPaths={['code']} />
          <Button type="submit" size="lg" loading={join.isPending}>
            {t('join.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
