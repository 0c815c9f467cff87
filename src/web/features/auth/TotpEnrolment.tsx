// Setting up the authenticator app: QR code (or the key typed by hand), then a code to prove it works.
// Used at first sign-in (/totp-setup) and for re-enrolment from the account page.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, List, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type recoveryCodesResponse,
  totpEnrolmentConfirmRequest,
  type totpEnrolmentStartResponse,
} from '../../../shared/schemas/auth';
import { api } from '../../api';
import { CopyField } from '../../ui/CopyField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';

export type Enrolment = z.infer<typeof totpEnrolmentStartResponse>;
type RecoveryCodesResponse = z.infer<typeof recoveryCodesResponse>;

/** The key in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

type Props = {
  enrolment: Enrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
  /** Offered where there is a way back (re-enrolment from the account page). */
  onCancel?: () => void;
};

export function TotpEnrolment({ enrolment, onConfirmed, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof totpEnrolmentConfirmRequest>>({
    resolver: zodResolver(totpEnrolmentConfirmRequest),
    defaultValues: { code: '' },
  });
  const confirm = useMutation({
    mutationFn: (values: z.output<typeof totpEnrolmentConfirmRequest>) =>
      api.post<RecoveryCodesResponse>('/api/auth/totp/enrolment/confirm', values),
    onSuccess: ({ recoveryCodes }) => onConfirmed(recoveryCodes),
    onError: (error) => applyServerErrors(error, form.setError, ['code']),
  });
  const qrSrc = `data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`;

  return (
    <Stack>
      <List type="ordered" spacing="sm">
        <List.Item>{t('auth.totpSetup.step1')}</List.Item>
        <List.Item>{t('auth.totpSetup.step2')}</List.Item>
      </List>
      <img src={qrSrc} alt={t('auth.totpSetup.qrAlt')} className="qr-image" width={224} height={224} />
      <CopyField label={t('auth.totpSetup.secret')} value={grouped(enrolment.secret)} />
      <List type="ordered" start={3}>
        <List.Item>{t('auth.totpSetup.step3')}</List.Item>
      </List>
      <form noValidate onSubmit={form.handleSubmit((values) => confirm.mutate(values))}>
        <Stack>
          <TextInput
            label={t('auth.totpSetup.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            size="lg"
            classNames={{ input: 'mono' }}
            error={form.formState.errors.code?.message}
            {...form.register('code')}
          />
          <ErrorAlert error={confirm.error} shownPaths={['code']} />
          <Button type="submit" size="lg" loading={confirm.isPending}>
            {t('auth.totpSetup.confirm')}
          </Button>
          {onCancel && (
            <Button variant="default" w="fit-content" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
