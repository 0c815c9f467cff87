// Recovery codes, shown once: print them or copy them, then say they are saved.
import { Alert, Button, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { focusOnMount } from '../../ui/focus';

type Props = { codes: string[]; onSaved: () => void; savedLabel?: string; headingOrder?: 2 | 3 };

export function RecoveryCodes({ codes, onSaved, savedLabel, headingOrder = 2 }: Props) {
  const { t } = useTranslation();
  return (
    <Stack>
      {/* Focused when shown, so a screen reader announces the codes that replaced the form. */}
      <Title order={headingOrder} tabIndex={-1} ref={focusOnMount}>
        {t('auth.totpSetup.recoveryTitle')}
      </Title>
      <Alert color="orange" variant="light">
        {t('auth.totpSetup.recoveryLead')}
      </Alert>
      <ul className="recovery-codes mono" aria-label={t('auth.totpSetup.recoveryListLabel')}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Group className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t('common.print')}
        </Button>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('common.copied') : t('auth.recoveryCodes.copyAll')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" className="no-print">
        {t('auth.recoveryCodes.afterSaving')}
      </Text>
      <Button size="lg" onClick={onSaved} className="no-print">
        {savedLabel ?? t('auth.totpSetup.saved')}
      </Button>
    </Stack>
  );
}
