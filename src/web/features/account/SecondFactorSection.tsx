import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { recoveryCodesResponse } from '../../../shared/schemas/auth';
import { api } from '../../api';
import { focusOnMount } from '../../ui/focus';
import { type Me, meKey } from '../../ui/session';
import { RecoveryCodes } from '../auth/RecoveryCodes';
import { type Enrolment, TotpEnrolment } from '../auth/TotpEnrolment';
import { PasswordPrompt } from './PasswordPrompt';
import { Section } from './Section';

type Step =
  | { kind: 'idle'; message?: string }
  | { kind: 'password'; purpose: 'reenrol' | 'recovery' }
  | { kind: 'enrol'; enrolment: Enrolment }
  | { kind: 'codes'; codes: string[]; afterReenrol: boolean };

export function SecondFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const reenrol = useMutation({
    mutationFn: (password: string) => api.post<Enrolment>('/api/me/totp/reenrol', { password }),
    onSuccess: (enrolment) => setStep({ kind: 'enrol', enrolment }),
  });
  const newCodes = useMutation({
    mutationFn: (password: string) =>
      api.post<z.infer<typeof recoveryCodesResponse>>('/api/me/recovery-codes', { password }),
    onSuccess: ({ recoveryCodes }) => setStep({ kind: 'codes', codes: recoveryCodes, afterReenrol: false }),
  });
  const pending = step.kind === 'password' && step.purpose === 'reenrol' ? reenrol : newCodes;

  return (
    <Section id="totp-heading" title={t('account.totp.heading')}>
      <Stack>
        <Group gap="xs">
          <Text fw={700}>{t('account.totp.status')}:</Text>
          <Badge color={me.user.totpEnabled ? 'green' : 'orange'} variant="light">
            {me.user.totpEnabled ? t('account.totp.enabled') : t('account.totp.disabled')}
          </Badge>
        </Group>
        {step.kind === 'idle' && step.message && (
          <Alert color="green" role="status">
            {step.message}
          </Alert>
        )}
        {step.kind === 'enrol' && (
          <>
            <Title order={3} tabIndex={-1} ref={focusOnMount}>
              {t('account.totp.reenrolTitle')}
            </Title>
            <TotpEnrolment
              enrolment={step.enrolment}
              onConfirmed={(codes) => setStep({ kind: 'codes', codes, afterReenrol: true })}
              onCancel={() => setStep({ kind: 'idle' })}
            />
          </>
        )}
        {step.kind === 'codes' && (
          <RecoveryCodes
            codes={step.codes}
            headingOrder={3}
            onSaved={() => {
              void queryClient.invalidateQueries({ queryKey: meKey });
              setStep({
                kind: 'idle',
                message: step.afterReenrol ? t('account.totp.reenrolDone') : undefined,
              });
            }}
          />
        )}
        {(step.kind === 'idle' || step.kind === 'password') && (
          <>
            <Text>{t('account.totp.reenrolLead')}</Text>
            <Button
              variant="default"
              w="fit-content"
              onClick={() => {
                reenrol.reset();
                setStep({ kind: 'password', purpose: 'reenrol' });
              }}
            >
              {t('account.totp.reenrol')}
            </Button>
            <Text>{t('account.totp.recoveryLead')}</Text>
            <Button
              variant="default"
              w="fit-content"
              onClick={() => {
                newCodes.reset();
                setStep({ kind: 'password', purpose: 'recovery' });
              }}
            >
              {t('account.totp.recovery')}
            </Button>
          </>
        )}
      </Stack>
      <PasswordPrompt
        opened={step.kind === 'password'}
        onClose={() => setStep({ kind: 'idle' })}
        onSubmit={({ password }) => pending.mutate(password)}
        pending={pending.isPending}
        error={pending.error}
      />
    </Section>
  );
}
