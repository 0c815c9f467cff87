import { Button, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = Pick<ButtonProps, 'size' | 'variant'> & {
  label?: string;
  /** Asked first: the print dialog opens only when it answers true (e.g. the form's values fit). */
  check?: () => boolean;
};

/** 「印刷する」: the browser's print dialog; the page's print CSS decides what goes on paper. */
export function PrintButton({ label, check, variant = 'default', size }: Props) {
  const { t } = useTranslation();
  return (
    <Button
      variant={variant}
      size={size}
      className="no-print"
      onClick={() => {
        if (!check || check()) window.print();
      }}
    >
      {label ?? t('common.print')}
    </Button>
  );
}
