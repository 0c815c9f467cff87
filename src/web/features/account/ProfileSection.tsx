import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { professions, systemRoles } from '../../../shared/identity';
import { profileUpdateRequest } from '../../../shared/schemas/account';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { type Me, meKey } from '../../ui/session';
import { Section } from './Section';

const fields = ['displayName', 'kana', 'profession'] as const;

export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof profileUpdateRequest>, unknown, z.output<typeof profileUpdateRequest>>({
    resolver: zodResolver(profileUpdateRequest),
    defaultValues: { displayName: me.user.displayName, kana: me.user.kana, profession: me.user.profession },
  });
  const save = useMutation({
    mutationFn: (values: z.output<typeof profileUpdateRequest>) => api.patch('/api/me', values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const { errors } = form.formState;

  return (
    <Section id="profile-heading" title={t('account.profile.heading')}>
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <Group gap="xs">
            <Text fw={700}>{t('account.profile.loginId')}:</Text>
            <Text className="mono">{me.user.loginId}</Text>
          </Group>
          {me.user.systemRoles.length > 0 && (
            <Group gap="xs">
              <Text fw={700}>{t('account.profile.systemRoles')}:</Text>
              <Text>{me.user.systemRoles.map((role) => label(systemRoles, role)).join('、')}</Text>
            </Group>
          )}
          <TextInput
            label={t('account.profile.displayName')}
            autoComplete="name"
            error={errors.displayName?.message}
            {...form.register('displayName')}
          />
          <TextInput
            label={t('account.profile.kana')}
            description={t('common.kanaHint')}
            error={errors.kana?.message}
            {...form.register('kana')}
          />
          <NativeSelect
            label={t('account.profile.profession')}
            error={errors.profession?.message}
            data={professions.map((item) => ({ value: item.code, label: label(professions, item.code) }))}
            {...form.register('profession')}
          />
          <ErrorAlert error={save.error} shownPaths={fields} />
          <NoticeAlert message={save.isSuccess && t('account.profile.saved')} />
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
