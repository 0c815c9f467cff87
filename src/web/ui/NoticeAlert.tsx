import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = {
  /** Nothing is shown while this is empty (null, false or ''). */
  message: string | null | false;
  /** With it, the alert has a close button (「閉じる」) that calls it. */
  onClose?: () => void;
};

/** A green status line saying that something was done (saved, removed, …). */
export function NoticeAlert({ message, onClose }: Props) {
  const { t } = useTranslation();
  if (!message) return null;
  const closing = onClose ? { withCloseButton: true, closeButtonLabel: t('common.close'), onClose } : {};
  return (
    <Alert color="green" role="status" {...closing}>
      {message}
    </Alert>
  );
}
