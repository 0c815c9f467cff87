import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';

type Field = { registration: UseFormRegisterReturn; error?: string };

type Props = {
  label: string;
  /** Defaults to 「パスワード（確認）」. */
  confirmLabel?: string;
  password: Field;
  confirm: Field;
};

/** A new password with its rules, then the same again (password managers offer to make one). */
export function NewPasswordFields({ label, confirmLabel, password, confirm }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={label}
        description={t('common.passwordHint')}
        autoComplete="new-password"
        error={password.error}
        {...password.registration}
      />
      <PasswordField
        label={confirmLabel ?? t('common.passwordConfirm')}
        autoComplete="new-password"
        error={confirm.error}
        {...confirm.registration}
      />
    </>
  );
}
