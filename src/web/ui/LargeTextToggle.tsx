import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setPreference, usePreferences } from './preferences';

/** 文字を大きく: scales the whole page to 125 %, remembered in this browser. */
export function LargeTextToggle() {
  const { t } = useTranslation();
  const { largeText } = usePreferences();
  return (
    <Button
      variant={largeText ? 'filled' : 'default'}
      size="sm"
      aria-pressed={largeText}
      onClick={() => setPreference('largeText', !largeText)}
      leftSection={
        <span aria-hidden="true" className="large-text-icon">
          {largeText ? 'あ' : 'A'}
        </span>
      }
    >
      {t('ui.largeText')}
    </Button>
  );
}
