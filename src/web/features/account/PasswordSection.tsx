import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordChangeRequest } from '../../../shared/schemas/account';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors, whenBothText } from '../../ui/forms';
import { PasswordField } from '../../ui/PasswordField';
import { Section } from './Section';

const fields = ['currentPassword', 'newPassword'] as const;

export function PasswordSection() {
  const { t } = useTranslation();
  const schema = useMemo(
    () =>
      passwordChangeRequest
        .extend({ newPasswordConfirm: z.string() })
        .refine((values) => values.newPassword === values.newPasswordConfirm, {
          path: ['newPasswordConfirm'],
          error: t('common.passwordMismatch'),
          when: whenBothText('newPassword', 'newPasswordConfirm'),
        }),
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
          <PasswordField
            label={t('account.password.next')}
            description={t('common.passwordHint')}
            autoComplete="new-password"
            error={errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <PasswordField
            label={t('account.password.confirm')}
            autoComplete="new-password"
            error={errors.newPasswordConfirm?.message}
            {...form.register('newPasswordConfirm')}
          />
          <ErrorAlert error={change.error} shownPaths={fields} />
          {change.isSuccess && (
            <Alert color="green" role="status">
              {t('account.password.done')}
            </Alert>
          )}
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
