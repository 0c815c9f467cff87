// `/reset/:token` — a new password from a reset link an organisation admin made; then the second
// factor is set up again.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { type passwordResetPreview, passwordResetRequest } from '../../../shared/schemas/auth';
import { api, isApiError } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors, whenBothText } from '../../ui/forms';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { PasswordField } from '../../ui/PasswordField';
import { useSessionChanged } from '../../ui/session';
import { LinkProblem } from './LinkProblem';

type Preview = z.infer<typeof passwordResetPreview>;

export default function ResetPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api.get<Preview>(`/api/password-resets/${encodeURIComponent(token)}`),
    retry: false,
    refetchOnWindowFocus: false,
  });

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    if (isApiError(preview.error) && preview.error.status >= 400 && preview.error.status < 500) {
      return (
        <LinkProblem
          title={t('auth.reset.invalidTitle')}
          reason={t('auth.reset.notFound')}
          whatToDo={t('auth.reset.whatToDo')}
        />
      );
    }
    return <ErrorAlert error={preview.error} />;
  }
  const { status } = preview.data;
  if (status !== 'valid') {
    return (
      <LinkProblem
        title={t('auth.reset.invalidTitle')}
        reason={t(`auth.reset.${status}`)}
        whatToDo={t('auth.reset.whatToDo')}
      />
    );
  }
  return <ResetForm token={token} preview={preview.data} />;
}

function ResetForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const schema = useMemo(
    () =>
      passwordResetRequest
        .extend({ passwordConfirm: z.string() })
        .refine((values) => values.password === values.passwordConfirm, {
          path: ['passwordConfirm'],
          error: t('common.passwordMismatch'),
          when: whenBothText('password', 'passwordConfirm'),
        }),
    [t],
  );
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { password: '', passwordConfirm: '' },
  });
  const reset = useMutation({
    mutationFn: ({ password }: z.output<typeof schema>) =>
      api.post<{ stage: string }>(`/api/password-resets/${encodeURIComponent(token)}`, { password }),
    onSuccess: async () => {
      await sessionChanged();
      navigate('/totp-setup', { replace: true });
    },
    onError: (error) => applyServerErrors(error, form.setError, ['password']),
  });
  const { errors } = form.formState;

  return (
    <Stack maw="40rem" mx="auto" w="100%">
      <PageTitle title={t('auth.reset.title')} />
      <Alert color="blue">
        <Text>{t('auth.reset.lead', { name: preview.displayName, loginId: preview.loginId })}</Text>
        <Text size="sm" mt={4}>
          {t('auth.reset.expires')}: <DateText value={preview.expiresAt} time />
        </Text>
      </Alert>
      <Card withBorder padding="lg">
        <form noValidate onSubmit={form.handleSubmit((values) => reset.mutate(values))}>
          <Stack>
            <input type="hidden" autoComplete="username" value={preview.loginId} readOnly />
            <PasswordField
              label={t('auth.reset.password')}
              description={t('common.passwordHint')}
              autoComplete="new-password"
              error={errors.password?.message}
              {...form.register('password')}
            />
            <PasswordField
              label={t('common.passwordConfirm')}
              autoComplete="new-password"
              error={errors.passwordConfirm?.message}
              {...form.register('passwordConfirm')}
            />
            <ErrorAlert error={reset.error} shownPaths={['password']} />
            <Text size="sm">{t('auth.reset.next')}</Text>
            <Button type="submit" size="lg" loading={reset.isPending}>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
