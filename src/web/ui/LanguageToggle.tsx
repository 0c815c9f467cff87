import { Button } from '@mantine/core';
import { applyLanguage } from '../i18n';
import { setPreference, usePreferences } from './preferences';

/** 日本語 ⇄ English, remembered in this browser. The label is written in the language it switches to. */
export function LanguageToggle() {
  const { language } = usePreferences();
  const next = language === 'ja' ? 'en' : 'ja';
  return (
    <Button
      variant="default"
      size="sm"
      lang={next}
      onClick={() => {
        setPreference('language', next);
        applyLanguage(next);
      }}
    >
      {next === 'en' ? 'English' : '日本語'}
    </Button>
  );
}
