// i18next set up with the bundled catalogues: Japanese first, English second. The English catalogue
// (and Zod's English messages) load only when a reader switches to English, so the first load of
// every page carries one language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ja as zodJa } from 'zod/locales';
import { config as zodConfig } from 'zod/v4/core';
import type { Language } from '../ui/preferences';
import { ja, type Strings } from './ja';

export type { Strings };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Feature catalogues load with their pages (features/<name>/i18n.ts); only their types are here.
    resources: {
      // The main catalogue, with the parts that load with their pages (addWords).
      translation: typeof ja & {
        admin: typeof import('../features/admin/i18n').adminJa;
        directoryImport: typeof import('../features/directory/imports/i18n').directoryImportJa;
        directoryMaintenance: typeof import('../features/directory/maintenance/i18n').directoryMaintenanceJa;
      };
      patients: typeof import('../features/patients/i18n').patientsJa;
      teams: typeof import('../features/teams/i18n').teamsJa;
      family: typeof import('../features/family/i18n').familyJa;
      emergency: typeof import('../features/emergency/i18n').emergencyJa;
      acp: typeof import('../features/acp/i18n').acpJa;
    };
  }
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja } },
  // English, when chosen, is applied by applyLanguage once its catalogue has loaded.
  lng: 'ja',
  fallbackLng: 'ja',
  supportedLngs: ['ja', 'en'],
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/**
 * Words of pages that few readers open (administration, maintenance), merged into the main catalogue
 * when those pages load, so the first chunk of every page does not carry them. Keys stay as they are.
 */
export function addWords(ja: object, en: object): void {
  i18n.addResourceBundle('ja', 'translation', ja, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}

let englishAdded = false;

/** The English catalogue, added to i18next; resolves to Zod's English messages. */
async function loadEnglish() {
  const [catalogue, zodEn] = await Promise.all([
    import('./en').then(({ en }) => en),
    import('zod/locales').then(({ en }) => en),
  ]);
  // Merged: parts added by addWords may be there already.
  if (!englishAdded) i18n.addResourceBundle('en', 'translation', catalogue, true, false);
  englishAdded = true;
  return zodEn;
}

/**
 * Zod's built-in messages in the UI language: the same as `z.config(z.locales.ja())`, through Zod's
 * core entry so that the first chunk does not carry the whole of Zod. (The project's own schemas
 * carry Japanese messages of their own.)
 */
export function applyZodLocale(language: Language): void {
  if (language === 'ja') zodConfig(zodJa());
  else void loadEnglish().then((zodEn) => zodConfig(zodEn()));
}

export async function applyLanguage(language: Language): Promise<void> {
  if (language === 'en') zodConfig((await loadEnglish())());
  else zodConfig(zodJa());
  await i18n.changeLanguage(language);
}

export default i18n;
