// Passkeys instead of the authenticator code at sign-in: the list, adding one (a name and the current
// password, then the browser's own dialog) and removing one after a confirmation.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { loginRequest } from '../../../shared/schemas/auth';
import {
  type passkeyList,
  passkeyRegistrationRequest,
  type passkeyView,
} from '../../../shared/schemas/passkeys';
import { api } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { applyServerErrors } from '../../ui/forms';
import { Loading } from '../../ui/Loading';
import { Modal } from '../../ui/Modal';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PasswordField } from '../../ui/PasswordField';
import {
  PasskeyErrorAlert,
  type PublicKeyCredentialCreationOptionsJSON,
  passkeysSupported,
  startRegistration,
} from '../auth/passkeys';
import { Section } from './Section';

type Passkey = z.infer<typeof passkeyView>;

const passkeysKey = ['me', 'passkeys'] as const;

const addSchema = z.object({
  name: passkeyRegistrationRequest.shape.name,
  password: loginRequest.shape.password,
});
type AddInput = z.input<typeof addSchema>;
type AddValues = z.output<typeof addSchema>;
const addFields = ['name', 'password'] as const;

export function PasskeysSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const supported = passkeysSupported();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Passkey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const passkeys = useQuery({
    queryKey: passkeysKey,
    queryFn: () => api.get<z.infer<typeof passkeyList>>('/api/me/passkeys'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: passkeysKey });

  const form = useForm<AddInput, unknown, AddValues>({
    resolver: zodResolver(addSchema),
    defaultValues: { name: '', password: '' },
  });
  const add = useMutation({
    mutationFn: async ({ name, password }: AddValues) => {
      const optionsJSON = await api.post<PublicKeyCredentialCreationOptionsJSON>('/api/me/passkeys/options', {
        password,
      });
      const response = await startRegistration({ optionsJSON });
      return api.post<Passkey>('/api/me/passkeys', { name, response });
    },
    onSuccess: async (passkey) => {
      closeAdd();
      setNotice(t('account.passkeys.added', { name: passkey.name }));
      await refresh();
    },
    onError: (error) => applyServerErrors(error, form.setError, addFields),
  });
  const closeAdd = () => {
    setAdding(false);
    form.reset();
  };

  const remove = useMutation({
    mutationFn: (passkey: Passkey) => api.delete(`/api/me/passkeys/${encodeURIComponent(passkey.id)}`),
    onSuccess: async (_, passkey) => {
      setRemoving(null);
      setNotice(t('account.passkeys.removed', { name: passkey.name }));
      await refresh();
    },
  });

  const list = passkeys.data?.passkeys ?? [];
  // Without WebAuthn in this browser, the part is left out unless there are passkeys to remove.
  if (!supported && passkeys.data && list.length === 0) return null;

  return (
    <Section id="passkeys-heading" title={t('account.passkeys.heading')}>
      <Stack>
        <Text>{t('account.passkeys.lead')}</Text>
        <Text>{t('account.passkeys.howTo')}</Text>
        <NoticeAlert message={notice} onClose={() => setNotice(null)} />
        {passkeys.isPending && <Loading />}
        <ErrorAlert error={passkeys.error} />
        {passkeys.data &&
          (list.length === 0 ? (
            <Text>{t('account.passkeys.none')}</Text>
          ) : (
            <Stack
              component="ul"
              gap="sm"
              className="scene-list"
              aria-label={t('account.passkeys.listLabel')}
            >
              {list.map((passkey) => (
                <Card component="li" key={passkey.id} withBorder padding="md">
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={4}>
                      <Text fw={700}>{passkey.name}</Text>
                      <dl className="facts">
                        <div>
                          <dt>{t('account.passkeys.createdAt')}</dt>
                          <dd>
                            <DateText value={passkey.createdAt} />
                          </dd>
                        </div>
                        <div>
                          <dt>{t('account.passkeys.lastUsedAt')}</dt>
                          <dd>
                            <DateText
                              value={passkey.lastUsedAt}
                              time
                              fallback={t('account.passkeys.neverUsed')}
                            />
                          </dd>
                        </div>
                      </dl>
                    </Stack>
                    <Button
                      size="sm"
                      variant="default"
                      aria-label={t('account.passkeys.removeLabel', { name: passkey.name })}
                      onClick={() => {
                        remove.reset();
                        setRemoving(passkey);
                      }}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          ))}
        {supported ? (
          <Button
            variant="default"
            w="fit-content"
            onClick={() => {
              add.reset();
              setNotice(null);
              setAdding(true);
            }}
          >
            {t('account.passkeys.add')}
          </Button>
        ) : (
          <Text>{t('account.passkeys.unsupported')}</Text>
        )}
      </Stack>

      <Modal opened={adding} onClose={closeAdd} title={t('account.passkeys.addTitle')} centered>
        <form noValidate onSubmit={form.handleSubmit((values) => add.mutate(values))}>
          <Stack>
            <Text>{t('account.passkeys.addLead')}</Text>
            <TextInput
              label={t('account.passkeys.name')}
              description={t('account.passkeys.nameHint')}
              autoComplete="off"
              maxLength={50}
              data-autofocus
              error={form.formState.errors.name?.message}
              {...form.register('name')}
            />
            <PasswordField
              label={t('account.passkeys.password')}
              autoComplete="current-password"
              error={form.formState.errors.password?.message}
              {...form.register('password')}
            />
            <PasskeyErrorAlert
              error={add.error}
              shownPaths={addFields}
              cancelled={t('account.passkeys.cancelled')}
              exists={t('account.passkeys.exists')}
              failed={t('account.passkeys.failed')}
            />
            <FormButtons
              onCancel={closeAdd}
              pending={add.isPending}
              submitLabel={t('account.passkeys.submit')}
            />
          </Stack>
        </form>
      </Modal>

      <ConfirmDialog
        opened={removing !== null}
        title={t('account.passkeys.removeTitle')}
        confirmLabel={t('account.passkeys.removeConfirm')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      >
        {t('account.passkeys.removeBody', { name: removing?.name ?? '' })}
      </ConfirmDialog>
    </Section>
  );
}
