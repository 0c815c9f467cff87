import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordChangeRequest } from '../../../shared/schemas/account';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors, matches } from '../../ui/forms';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PasswordField } from '../../ui/PasswordField';
import { Section } from './Section';

const fields = ['currentPassword', 'newPassword'] as const;

export function PasswordSection() {
  const { t } = useTranslation();
  const schema = useMemo(
    () =>
      passwordChangeRequest
        .extend({ newPasswordConfirm: z.string() })
        .refine(...matches('newPassword', 'newPasswordConfirm', t('common.passwordMismatch'))),
    [t],
  );
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
  });
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: z.output<typeof schema>) =>
      api.post('/api/me/password', { currentPassword, newPassword }),
    onSuccess: () => form.reset(),
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const { errors } = form.formState;

  return (
    <Section id="password-heading" title={t('account.password.heading')}>
      <form noValidate onSubmit={form.handleSubmit((values) => change.mutate(values))}>
        <Stack>
          <Text>{t('account.password.lead')}</Text>
          <PasswordField
            label={t('account.password.current')}
            autoComplete="current-password"
            error={errors.currentPassword?.message}
            {...form.register('currentPassword')}
          />
          <NewPasswordFields
            label={t('account.password.next')}
            confirmLabel={t('account.password.confirm')}
            password={{ registration: form.register('newPassword'), error: errors.newPassword?.message }}
            confirm={{
              registration: form.register('newPasswordConfirm'),
              error: errors.newPasswordConfirm?.message,
            }}
          />
          <ErrorAlert error={change.error} shownPaths={fields} />
          <NoticeAlert message={change.isSuccess && t('account.password.done')} />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
