// The server ends a session after a while without requests. A few minutes before, say so and offer to
// carry on, so that a half-written form is not lost to a silent sign-out.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lastApiActivity } from '../api';
import { meKey } from './session';

const WARN_BEFORE_MS = 3 * 60_000;
const CHECK_EVERY_MS = 15_000;

export function IdleWarning({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [warn, setWarn] = useState(false);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const idleMs = Date.now() - lastApiActivity();
      const limitMs = idleTimeoutSeconds * 1000;
      // Past the limit: ask the server, which answers 401, and the guard sends the reader to log in.
      if (idleMs > limitMs) void queryClient.invalidateQueries({ queryKey: meKey });
      setWarn(idleMs > limitMs - Math.min(WARN_BEFORE_MS, limitMs / 3));
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [idleTimeoutSeconds, queryClient]);

  if (!warn) return null;
  return (
    <Alert color="orange" role="alert" title={t('ui.idleTitle')} mb="md" className="no-print">
      <Group justify="space-between" gap="sm">
        <Text>{t('ui.idleBody')}</Text>
        <Button
          onClick={async () => {
            await queryClient.refetchQueries({ queryKey: meKey });
            setWarn(false);
          }}
        >
          {t('ui.idleContinue')}
        </Button>
      </Group>
    </Alert>
  );
}
