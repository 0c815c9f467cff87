import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { Modal } from './Modal';

type Props = {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  /** Heading of the error, when "エラー" would say less than it could (e.g. 「削除できませんでした」). */
  errorTitle?: string;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before an action that cannot simply be undone (removing a member, revoking, deleting). */
export function ConfirmDialog(props: Props) {
  const { t } = useTranslation();
  const {
    opened,
    title,
    children,
    confirmLabel,
    danger = false,
    pending = false,
    error,
    errorTitle,
    onConfirm,
    onClose,
  } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text>{children}</Text>
      <ErrorAlert error={error} title={errorTitle} />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color={danger ? 'red' : undefined} loading={pending} onClick={onConfirm}>
          {confirmLabel ?? t('ui.dialogConfirm')}
        </Button>
      </Group>
    </Modal>
  );
}
