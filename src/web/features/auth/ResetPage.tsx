// `/reset/:token` — a new password from a reset link an organisation admin made; then the second
// factor is set up again.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import { type passwordResetPreview, passwordResetRequest } from '../../../shared/schemas/auth';
import { api } from '../../api';
import { applyServerErrors, matches } from '../../ui/forms';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { OneTimeLink, OneTimeLinkForm, useOnToSecondFactorSetup } from './OneTimeLink';

type Preview = z.infer<typeof passwordResetPreview>;

export default function ResetPage() {
  const { token = '' } = useParams();
  return (
    <OneTimeLink<Preview>
      texts="auth.reset"
      queryKey={['password-reset', token]}
      path={`/api/password-resets/${encodeURIComponent(token)}`}
    >
      {(preview) => <ResetForm token={token} preview={preview} />}
    </OneTimeLink>
  );
}

function ResetForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const onToSecondFactorSetup = useOnToSecondFactorSetup();
  const schema = useMemo(
    () =>
      passwordResetRequest
        .extend({ passwordConfirm: z.string() })
        .refine(...matches('password', 'passwordConfirm', t('common.passwordMismatch'))),
    [t],
  );
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { password: '', passwordConfirm: '' },
  });
  const reset = useMutation({
    mutationFn: ({ password }: z.output<typeof schema>) =>
      api.post<{ stage: string }>(`/api/password-resets/${encodeURIComponent(token)}`, { password }),
    onSuccess: onToSecondFactorSetup,
    onError: (error) => applyServerErrors(error, form.setError, ['password']),
  });
  const { errors } = form.formState;

  return (
    <OneTimeLinkForm
      title={t('auth.reset.title')}
      about={t('auth.reset.lead', { name: preview.displayName, loginId: preview.loginId })}
      expiresLabel={t('auth.reset.expires')}
      expiresAt={preview.expiresAt}
      onSubmit={form.handleSubmit((values) => reset.mutate(values))}
      error={reset.error}
      shownPaths={['password']}
      next={t('auth.reset.next')}
      submitLabel={t('auth.reset.submit')}
      pending={reset.isPending}
    >
      <input type="hidden" autoComplete="username" value={preview.loginId} readOnly />
      <NewPasswordFields
        label={t('auth.reset.password')}
        password={{ registration: form.register('password'), error: errors.password?.message }}
        confirm={{ registration: form.register('passwordConfirm'), error: errors.passwordConfirm?.message }}
      />
    </OneTimeLinkForm>
  );
}
