// `/login` — login ID and password; the server answers with the next stage of sign-in.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { loginRequest, type loginResponse } from '../../../shared/schemas/auth';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { PageTitle } from '../../ui/PageTitle';
import { PasswordField } from '../../ui/PasswordField';
import { pathForStage, safeNext, useMe, useSessionChanged } from '../../ui/session';

type LoginInput = z.input<typeof loginRequest>;

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const sessionChanged = useSessionChanged();
  const me = useMe();
  const form = useForm<LoginInput>({
    resolver: zodResolver(loginRequest),
    defaultValues: { loginId: '', password: '' },
  });
  const login = useMutation({
    mutationFn: (values: LoginInput) => api.post<z.infer<typeof loginResponse>>('/api/auth/login', values),
    onSuccess: async ({ stage, passkeyAvailable }) => {
      await sessionChanged();
      navigate(pathForStage(stage, next, { passkey: passkeyAvailable }), { replace: true });
    },
    onError: (error) => {
      applyServerErrors(error, form.setError, ['loginId', 'password']);
      form.setValue('password', '');
      form.setFocus('password');
    },
  });
  const { errors } = form.formState;
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  // Signed in already (e.g. the login page from a bookmark): go on.
  if (me.data?.session.stage === 'active' && !login.isPending)
    return <Navigate to={next ?? '/home'} replace />;

  return (
    <Stack maw="32rem" mx="auto" w="100%">
      <PageTitle title={t('auth.login.title')} />
      {loggedOut && (
        <Alert color="green" role="status">
          {t('auth.login.loggedOut')}
        </Alert>
      )}
      {next && !loggedOut && (
        <Alert color="blue" role="status">
          {t('auth.login.needed')}
        </Alert>
      )}
      <Text>{t('auth.login.lead')}</Text>
      <Card withBorder padding="lg">
        <form noValidate onSubmit={form.handleSubmit((values) => login.mutate(values))}>
          <Stack>
            <TextInput
              label={t('auth.login.loginId')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              error={errors.loginId?.message}
              {...form.register('loginId')}
            />
            <PasswordField
              label={t('auth.login.password')}
              autoComplete="current-password"
              error={errors.password?.message}
              {...form.register('password')}
            />
            <ErrorAlert error={login.error} shownPaths={['loginId', 'password']} />
            <Button type="submit" loading={login.isPending} size="lg">
              {t('auth.login.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <Text size="sm">{t('auth.login.forgot')}</Text>
      <Text size="sm">{t('auth.login.noAccount')}</Text>
    </Stack>
  );
}
