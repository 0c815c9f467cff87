import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = {
  onCancel: () => void;
  pending: boolean;
  /** Defaults to 「保存」. */
  submitLabel?: string;
  /** Without it, the second button submits its form; with it, the button calls it instead. */
  onSubmit?: () => void;
};

/** The foot of a form in a dialog: 「キャンセル」 and the button that sends it. */
export function FormButtons({ onCancel, pending, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type={onSubmit ? 'button' : 'submit'} loading={pending} onClick={onSubmit}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
