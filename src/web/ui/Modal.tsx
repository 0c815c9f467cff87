import { Modal as MantineModal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's modal with a named close button (「閉じる」) for screen readers and a clear title. */
export function Modal(props: ModalProps) {
  const { t } = useTranslation();
  return (
    <MantineModal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } }}
      {...props}
    />
  );
}
