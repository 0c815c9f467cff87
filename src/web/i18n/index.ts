// i18next set up with the bundled catalogues: Japanese first, English second.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en as zodEn, ja as zodJa } from 'zod/locales';
import { config as zodConfig } from 'zod/v4/core';
import { getPreferences, type Language } from '../ui/preferences';
import { en } from './en';
import { ja } from './ja';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
  }
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: getPreferences().language,
  fallbackLng: 'ja',
  supportedLngs: ['ja', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/**
 * Zod's built-in messages in the UI language: the same as `z.config(z.locales.ja())`, through Zod's
 * core entry so that the first chunk does not carry the whole of Zod. (The project's own schemas
 * carry Japanese messages of their own.)
 */
export function applyZodLocale(language: Language): void {
  zodConfig(language === 'en' ? zodEn() : zodJa());
}

export function applyLanguage(language: Language): void {
  applyZodLocale(language);
  void i18n.changeLanguage(language);
}

export default i18n;
