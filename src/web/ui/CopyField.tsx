import { Button, CopyButton, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A value to hand on (a link, a key) in a read-only field with a copy button below it. The field
 * wraps, so the whole value stays visible on a phone, for reading out or typing by hand.
 */
export function CopyField({
  label,
  value,
  description,
}: {
  label: string;
  value: string;
  description?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" align="flex-start">
      <Textarea
        label={label}
        description={description}
        value={value}
        readOnly
        autosize
        minRows={1}
        w="100%"
        onFocus={(event) => event.currentTarget.select()}
        classNames={{ input: 'mono copy-field' }}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button onClick={copy} variant={copied ? 'light' : 'filled'} aria-live="polite">
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
