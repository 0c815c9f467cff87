// Asks for the current password again before a sensitive change (second factor, recovery codes).
import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { loginRequest } from '../../../shared/schemas/auth';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { applyServerErrors } from '../../ui/forms';
import { Modal } from '../../ui/Modal';
import { PasswordField } from '../../ui/PasswordField';

const schema = z.object({ password: loginRequest.shape.password });
type Values = z.infer<typeof schema>;

type Props = {
  opened: boolean;
  onClose: () => void;
  onSubmit: (values: Values) => void;
  pending: boolean;
  error: unknown;
};

export function PasswordPrompt({ opened, onClose, onSubmit, pending, error }: Props) {
  const { t } = useTranslation();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { password: '' } });
  useEffect(() => {
    if (error) applyServerErrors(error, form.setError, ['password']);
  }, [error, form.setError]);
  return (
    <Modal
      opened={opened}
      onClose={() => {
        form.reset();
        onClose();
      }}
      title={t('account.totp.passwordTitle')}
      centered
    >
      <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <Stack>
          <Text>{t('account.totp.passwordPrompt')}</Text>
          <PasswordField
            label={t('account.totp.password')}
            autoComplete="current-password"
            data-autofocus
            error={form.formState.errors.password?.message}
            {...form.register('password')}
          />
          <ErrorAlert error={error} shownPaths={['password']} />
          <FormButtons onCancel={onClose} pending={pending} submitLabel={t('account.totp.next')} />
        </Stack>
      </form>
    </Modal>
  );
}
