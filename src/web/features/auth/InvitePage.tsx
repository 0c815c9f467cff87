// `/invite/:token` — someone invited by an organisation creates their account here.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { membershipRoles, professions } from '../../../shared/identity';
import { inviteAcceptRequest, type invitePreview } from '../../../shared/schemas/auth';
import { api, isApiError } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors, whenBothText } from '../../ui/forms';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { PageTitle } from '../../ui/PageTitle';
import { PasswordField } from '../../ui/PasswordField';
import { useSessionChanged } from '../../ui/session';
import { LinkProblem } from './LinkProblem';

type Preview = z.infer<typeof invitePreview>;
const fields = ['loginId', 'displayName', 'kana', 'profession', 'password'] as const;

export default function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: ['invite', token],
    queryFn: () => api.get<Preview>(`/api/invites/${encodeURIComponent(token)}`),
    retry: false,
    refetchOnWindowFocus: false,
  });

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    if (isApiError(preview.error) && preview.error.status >= 400 && preview.error.status < 500) {
      return (
        <LinkProblem
          title={t('auth.invite.invalidTitle')}
          reason={t('auth.invite.notFound')}
          whatToDo={t('auth.invite.whatToDo')}
        />
      );
    }
    return <ErrorAlert error={preview.error} />;
  }
  const { status } = preview.data;
  if (status !== 'valid') {
    return (
      <LinkProblem
        title={t('auth.invite.invalidTitle')}
        reason={t(`auth.invite.${status}`)}
        whatToDo={t('auth.invite.whatToDo')}
        extra={status === 'used' ? t('auth.invite.usedWhatToDo') : undefined}
      />
    );
  }
  return <InviteForm token={token} preview={preview.data} />;
}

function InviteForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const schema = useMemo(
    () =>
      inviteAcceptRequest
        .extend({ passwordConfirm: z.string() })
        .refine((values) => values.password === values.passwordConfirm, {
          path: ['passwordConfirm'],
          error: t('common.passwordMismatch'),
          when: whenBothText('password', 'passwordConfirm'),
        }),
    [t],
  );
  type Input = z.input<typeof schema>;
  const form = useForm<Input, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      loginId: '',
      displayName: '',
      kana: '',
      profession: '' as Input['profession'],
      password: '',
      passwordConfirm: '',
    },
  });
  const accept = useMutation({
    mutationFn: ({ passwordConfirm: _, ...values }: z.output<typeof schema>) =>
      api.post<{ stage: string }>(`/api/invites/${encodeURIComponent(token)}/accept`, values),
    onSuccess: async () => {
      await sessionChanged();
      navigate('/totp-setup', { replace: true });
    },
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const { errors } = form.formState;

  return (
    <Stack maw="40rem" mx="auto" w="100%">
      <PageTitle title={t('auth.invite.title')} />
      <Alert color="blue" title={preview.organisationName}>
        <Text>
          {t('auth.invite.invitedBy', {
            organisation: preview.organisationName,
            role: label(membershipRoles, preview.role),
          })}
        </Text>
        <Text size="sm" mt={4}>
          {t('auth.invite.expires')}: <DateText value={preview.expiresAt} time />
        </Text>
      </Alert>
      <Card withBorder padding="lg">
        <form noValidate onSubmit={form.handleSubmit((values) => accept.mutate(values))}>
          <Stack>
            <TextInput
              label={t('auth.invite.displayName')}
              autoComplete="name"
              error={errors.displayName?.message}
              {...form.register('displayName')}
            />
            <TextInput
              label={t('auth.invite.kana')}
              description={t('common.kanaHint')}
              error={errors.kana?.message}
              {...form.register('kana')}
            />
            <NativeSelect
              label={t('auth.invite.profession')}
              error={errors.profession?.message}
              data={[
                { value: '', label: t('auth.invite.choose'), disabled: true },
                ...professions.map((item) => ({ value: item.code, label: label(professions, item.code) })),
              ]}
              {...form.register('profession')}
            />
            <TextInput
              label={t('auth.invite.loginId')}
              description={t('auth.invite.loginIdHint')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              error={errors.loginId?.message}
              {...form.register('loginId')}
            />
            <PasswordField
              label={t('auth.invite.password')}
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
            <ErrorAlert error={accept.error} shownPaths={fields} />
            <Text size="sm">{t('auth.invite.next')}</Text>
            <Button type="submit" size="lg" loading={accept.isPending}>
              {t('auth.invite.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
