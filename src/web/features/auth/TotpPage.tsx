// `/login/totp` — the second factor: a 6-digit code from the authenticator app, or a recovery code; with
// `?passkey=1` (the account has one, said by the login answer) a passkey is offered first.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { type demoTotpCode, recoveryCodeSchema, totpCodeSchema } from '../../../shared/schemas/auth';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { usePublicSettings } from '../../ui/public-settings';
import { pathForStage, safeNext, useMe, useSessionChanged } from '../../ui/session';
import {
  PasskeyErrorAlert,
  type PublicKeyCredentialRequestOptionsJSON,
  passkeysSupported,
  startAuthentication,
} from './passkeys';

const codeForm = z.object({ code: totpCodeSchema });
const recoveryForm = z.object({ recoveryCode: recoveryCodeSchema });
type Verify = { code: string } | { recoveryCode: string };

export default function TotpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const settings = usePublicSettings();
  const sessionChanged = useSessionChanged();
  const [useRecovery, setUseRecovery] = useState(false);
  const [demoFilled, setDemoFilled] = useState(false);
  const [done, setDone] = useState(false);
  const offerPasskey = params.get('passkey') === '1' && passkeysSupported();

  const code = useForm<z.input<typeof codeForm>>({
    resolver: zodResolver(codeForm),
    defaultValues: { code: '' },
  });
  const recovery = useForm<z.input<typeof recoveryForm>>({
    resolver: zodResolver(recoveryForm),
    defaultValues: { recoveryCode: '' },
  });

  const signedIn = async () => {
    setDone(true);
    await sessionChanged();
    navigate(next ?? '/home', { replace: true });
  };

  const verify = useMutation({
    mutationFn: (body: Verify) => api.post<{ stage: 'active' }>('/api/auth/totp', body),
    onSuccess: signedIn,
    onError: (error) => {
      if (useRecovery) applyServerErrors(error, recovery.setError, ['recoveryCode']);
      else applyServerErrors(error, code.setError, ['code']);
    },
  });

  const passkey = useMutation({
    mutationFn: async () => {
      const optionsJSON = await api.post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/passkey/options');
      const response = await startAuthentication({ optionsJSON });
      return api.post<{ stage: 'active' }>('/api/auth/passkey', { response });
    },
    onSuccess: signedIn,
  });

  const submitCode = (body: Verify) => {
    passkey.reset();
    verify.mutate(body);
  };

  const demoCode = useMutation({
    mutationFn: () => api.get<z.infer<typeof demoTotpCode>>('/api/demo/totp-code'),
    onSuccess: ({ code: value }) => {
      code.setValue('code', value, { shouldValidate: true });
      setDemoFilled(true);
      code.setFocus('code');
    },
  });

  if (me.isPending) return <Loading />;
  // Only a session that has passed the password step belongs here.
  if (!done && !me.data)
    return <Navigate to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  if (!done && me.data && me.data.session.stage !== 'totp_required') {
    return <Navigate to={pathForStage(me.data.session.stage, next)} replace />;
  }

  return (
    <Stack maw="32rem" mx="auto" w="100%">
      <PageTitle title={offerPasskey ? t('auth.totp.titleWithPasskey') : t('auth.totp.title')} />
      {offerPasskey && (
        <>
          <Card withBorder padding="lg">
            <Stack>
              <Text>{t('auth.totp.passkeyLead')}</Text>
              <PasskeyErrorAlert
                error={passkey.error}
                cancelled={t('auth.totp.passkeyCancelled')}
                failed={t('auth.totp.passkeyFailed')}
              />
              <Button
                size="lg"
                onClick={() => {
                  verify.reset();
                  passkey.mutate();
                }}
                loading={passkey.isPending}
              >
                {t('auth.totp.passkeyButton')}
              </Button>
            </Stack>
          </Card>
          <Text ta="center" fw={700}>
            {t('auth.totp.or')}
          </Text>
        </>
      )}
      <Card withBorder padding="lg">
        {useRecovery ? (
          <form noValidate onSubmit={recovery.handleSubmit(submitCode)}>
            <Stack>
              <Text>{t('auth.totp.recoveryLead')}</Text>
              <TextInput
                label={t('auth.totp.recoveryCode')}
                description={t('auth.totp.recoveryHint')}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                classNames={{ input: 'mono' }}
                error={recovery.formState.errors.recoveryCode?.message}
                {...recovery.register('recoveryCode')}
              />
              <ErrorAlert error={verify.error} shownPaths={['recoveryCode']} />
              <Button type="submit" size="lg" loading={verify.isPending}>
                {t('auth.totp.submit')}
              </Button>
            </Stack>
          </form>
        ) : (
          <form noValidate onSubmit={code.handleSubmit(submitCode)}>
            <Stack>
              <Text>{t('auth.totp.lead')}</Text>
              <TextInput
                label={t('auth.totp.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                classNames={{ input: 'mono' }}
                size="lg"
                error={code.formState.errors.code?.message}
                {...code.register('code')}
              />
              {demoFilled && (
                <Alert color="blue" role="status">
                  {t('auth.totp.demoFilled')}
                </Alert>
              )}
              <ErrorAlert error={verify.error ?? demoCode.error} shownPaths={['code']} />
              <Button type="submit" size="lg" loading={verify.isPending}>
                {t('auth.totp.submit')}
              </Button>
              {settings.data?.demoMode && (
                <Button variant="light" onClick={() => demoCode.mutate()} loading={demoCode.isPending}>
                  {t('auth.totp.demoButton')}
                </Button>
              )}
            </Stack>
          </form>
        )}
      </Card>
      <Button
        variant="subtle"
        onClick={() => {
          verify.reset();
          setUseRecovery((value) => !value);
        }}
      >
        {useRecovery ? t('auth.totp.useCode') : t('auth.totp.useRecovery')}
      </Button>
      <Anchor component={Link} to="/login">
        {t('auth.totp.backToLogin')}
      </Anchor>
    </Stack>
  );
}
