// `/totp-setup` — first sign-in (after an invite or a password reset): set up the second factor,
// then keep the recovery codes.
import { Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { pathForStage, safeNext, useMe, useSessionChanged } from '../../ui/session';
import { RecoveryCodes } from './RecoveryCodes';
import { type Enrolment, TotpEnrolment } from './TotpEnrolment';

export default function TotpSetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const sessionChanged = useSessionChanged();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const mayEnrol = me.data?.session.stage === 'totp_enrolment_required';

  // Starting enrolment makes a new secret on the server: ask exactly once for this visit.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: () => api.post<Enrolment>('/api/auth/totp/enrolment'),
    enabled: mayEnrol && recoveryCodes === null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  if (recoveryCodes) {
    return (
      <Stack maw="40rem" mx="auto" w="100%">
        <PageTitle title={t('auth.totpSetup.title')} />
        <Card withBorder padding="lg">
          <RecoveryCodes
            codes={recoveryCodes}
            onSaved={async () => {
              await sessionChanged();
              navigate(next ?? '/home', { replace: true });
            }}
          />
        </Card>
      </Stack>
    );
  }

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (!mayEnrol) return <Navigate to={pathForStage(me.data.session.stage, next)} replace />;

  return (
    <Stack maw="40rem" mx="auto" w="100%">
      <PageTitle title={t('auth.totpSetup.title')} />
      <Text>{t('auth.totpSetup.lead')}</Text>
      <Card withBorder padding="lg">
        {enrolment.isPending && <Loading label={t('auth.totpSetup.starting')} />}
        {enrolment.isError && <ErrorAlert error={enrolment.error} />}
        {enrolment.data && <TotpEnrolment enrolment={enrolment.data} onConfirmed={setRecoveryCodes} />}
      </Card>
    </Stack>
  );
}
