// The daily digest by e-mail (毎日のお知らせメール): address and hour, the code mailed to confirm the
// address, and stopping. The mail holds counts only, which the section says plainly.
import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type DigestSettings,
  type DigestSubscribeRequest,
  digestConfirmRequest,
  digestSubscribeRequest,
} from '../../../shared/schemas/digest';
import { api } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { Loading } from '../../ui/Loading';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { Section } from './Section';

const digestKey = ['me', 'digest'] as const;
const DEFAULT_HOUR = 7;
const hours = Array.from({ length: 24 }, (_, hour) => hour);

export function DigestSection() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: digestKey,
    queryFn: () => api.get<DigestSettings>('/api/me/digest'),
  });
  return (
    <Section id="digest-heading" title={t('account.digest.heading')}>
      <Stack>
        <Text>{t('account.digest.lead')}</Text>
        {settings.isPending && <Loading />}
        <ErrorAlert error={settings.error} />
        {settings.data && !settings.data.available && <Text fw={700}>{t('account.digest.unavailable')}</Text>}
        {settings.data?.available && <DigestForms settings={settings.data} />}
      </Stack>
    </Section>
  );
}

function DigestForms({ settings }: { settings: DigestSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { subscription } = settings;
  const show = (next: DigestSettings) => queryClient.setQueryData(digestKey, next);
  const stop = useMutation({
    mutationFn: () => api.delete<DigestSettings>('/api/me/digest'),
    onSuccess: show,
  });
  return (
    <>
      {subscription?.confirmed && (
        <Group gap="xs">
          <Badge color="green" variant="light" size="lg">
            {t('account.digest.active')}
          </Badge>
          <Text>
            {t('account.digest.activeAt', { hour: subscription.sendHour, email: subscription.email })}
          </Text>
        </Group>
      )}
      {subscription?.lastSentOn && (
        <Text size="sm">
          {t('account.digest.lastSent')}: <DateText value={subscription.lastSentOn} />
        </Text>
      )}
      {subscription && !subscription.confirmed && <ConfirmForm settings={settings} onDone={show} />}
      <AddressForm settings={settings} onDone={show} />
      {subscription && (
        <>
          <ErrorAlert error={stop.error} />
          <Button
            variant="default"
            color="red"
            w="fit-content"
            loading={stop.isPending}
            onClick={() => stop.mutate()}
          >
            {t('account.digest.stop')}
          </Button>
        </>
      )}
      <NoticeAlert message={stop.isSuccess && !subscription && t('account.digest.stopped')} />
    </>
  );
}

type FormProps = { settings: DigestSettings; onDone: (next: DigestSettings) => void };

function AddressForm({ settings, onDone }: FormProps) {
  const { t } = useTranslation();
  const current = settings.subscription;
  const form = useForm<DigestSubscribeRequest>({
    resolver: zodResolver(digestSubscribeRequest),
    defaultValues: { email: current?.email ?? '', sendHour: current?.sendHour ?? DEFAULT_HOUR },
  });
  const save = useMutation({
    mutationFn: (values: DigestSubscribeRequest) => api.put<DigestSettings>('/api/me/digest', values),
    onSuccess: onDone,
    onError: (error) => applyServerErrors(error, form.setError, ['email', 'sendHour']),
  });
  const { errors } = form.formState;
  const keepsAddress = current?.confirmed === true && form.watch('email').trim() === current.email;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <Stack>
        <TextInput
          type="email"
          label={t('account.digest.email')}
          description={t('account.digest.emailHint')}
          autoComplete="email"
          inputMode="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <NativeSelect
          label={t('account.digest.hour')}
          description={t('account.digest.hourHint')}
          error={errors.sendHour?.message}
          data={hours.map((hour) => ({
            value: String(hour),
            label: t('account.digest.hourOption', { hour }),
          }))}
          {...form.register('sendHour', { valueAsNumber: true })}
        />
        <ErrorAlert error={save.error} shownPaths={['email', 'sendHour']} />
        <NoticeAlert message={save.isSuccess && keepsAddress && t('account.digest.hourSaved')} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          {keepsAddress ? t('common.save') : t('account.digest.sendCode')}
        </Button>
      </Stack>
    </form>
  );
}

function ConfirmForm({ settings, onDone }: FormProps) {
  const { t } = useTranslation();
  const form = useForm<z.infer<typeof digestConfirmRequest>>({
    resolver: zodResolver(digestConfirmRequest),
    defaultValues: { code: '' },
  });
  const confirm = useMutation({
    mutationFn: (values: z.infer<typeof digestConfirmRequest>) =>
      api.post<DigestSettings>('/api/me/digest/confirm', values),
    onSuccess: onDone,
    onError: (error) => applyServerErrors(error, form.setError, ['code']),
  });
  const { errors } = form.formState;
  const expiresAt = settings.subscription?.codeExpiresAt;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => confirm.mutate(values))}>
      <Card withBorder padding="md">
        <Stack>
          <Text fw={700} role="status">
            {t('account.digest.codeSent', { email: settings.subscription?.email })}
          </Text>
          {expiresAt && (
            <Text size="sm">
              {t('account.digest.codeExpires')}: <DateText value={expiresAt} time />
            </Text>
          )}
          <TextInput
            label={t('account.digest.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            w={200}
            error={errors.code?.message}
            {...form.register('code')}
          />
          <ErrorAlert error={confirm.error} shownPaths={['code']} />
          <Button type="submit" loading={confirm.isPending} w="fit-content">
            {t('account.digest.confirm')}
          </Button>
        </Stack>
      </Card>
    </form>
  );
}
