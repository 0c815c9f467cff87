// `/invite/:token` — someone invited by an organisation creates their account here.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { membershipRoles, professions } from '../../../shared/identity';
import { inviteAcceptRequest, type inviteJoined, type invitePreview } from '../../../shared/schemas/auth';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors, matches } from '../../ui/forms';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { PageTitle } from '../../ui/PageTitle';
import { type Me, useMe, useSessionChanged } from '../../ui/session';
import { OneTimeLink, OneTimeLinkForm, useOnToSecondFactorSetup } from './OneTimeLink';

type Preview = z.infer<typeof invitePreview>;
const fields = ['loginId', 'displayName', 'kana', 'profession', 'password'] as const;

export default function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  return (
    <OneTimeLink<Preview>
      texts="auth.invite"
      queryKey={['invite', token]}
      path={`/api/invites/${encodeURIComponent(token)}`}
      usedWhatToDo={t('auth.invite.usedWhatToDo')}
    >
      {(preview) => <InviteAnswer token={token} preview={preview} />}
    </OneTimeLink>
  );
}

/** Someone already signed in joins with that account; anyone else creates one. */
function InviteAnswer({ token, preview }: { token: string; preview: Preview }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data?.session.stage === 'active')
    return <JoinWithAccount token={token} preview={preview} me={me.data} />;
  return <InviteForm token={token} preview={preview} />;
}

function JoinWithAccount({ token, preview, me }: { token: string; preview: Preview; me: Me }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const join = useMutation({
    mutationFn: () =>
      api.post<z.infer<typeof inviteJoined>>(`/api/invites/${encodeURIComponent(token)}/join`),
    onSuccess: async ({ organisationId }) => {
      await sessionChanged();
      navigate(`/orgs/${organisationId}`);
    },
  });
  return (
    <Stack gap="lg">
      <PageTitle title={t('auth.invite.joinTitle')} />
      <Card withBorder padding="lg">
        <Stack>
          <Text>
            {t('auth.invite.invitedBy', {
              organisation: preview.organisationName,
              role: label(membershipRoles, preview.role),
            })}
          </Text>
          <Text>{t('auth.invite.joinAs', { name: me.user.displayName, loginId: me.user.loginId })}</Text>
          <ErrorAlert error={join.error} />
          <Button size="lg" onClick={() => join.mutate()} loading={join.isPending}>
            {t('auth.invite.join')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('auth.invite.joinSomeoneElse')}
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}

function InviteForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const label = useLabel();
  const onToSecondFactorSetup = useOnToSecondFactorSetup();
  const schema = useMemo(
    () =>
      inviteAcceptRequest
        .extend({ passwordConfirm: z.string() })
        .refine(...matches('password', 'passwordConfirm', t('common.passwordMismatch'))),
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
    onSuccess: onToSecondFactorSetup,
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const { errors } = form.formState;

  return (
    <OneTimeLinkForm
      title={t('auth.invite.title')}
      aboutTitle={preview.organisationName}
      about={t('auth.invite.invitedBy', {
        organisation: preview.organisationName,
        role: label(membershipRoles, preview.role),
      })}
      expiresLabel={t('auth.invite.expires')}
      expiresAt={preview.expiresAt}
      onSubmit={form.handleSubmit((values) => accept.mutate(values))}
      error={accept.error}
      shownPaths={fields}
      next={t('auth.invite.next')}
      submitLabel={t('auth.invite.submit')}
      pending={accept.isPending}
    >
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
      <NewPasswordFields
        label={t('auth.invite.password')}
        password={{ registration: form.register('password'), error: errors.password?.message }}
        confirm={{ registration: form.register('passwordConfirm'), error: errors.passwordConfirm?.message }}
      />
    </OneTimeLinkForm>
  );
}
